-- Why a REJECTED or FAILED import changed nothing, in Vietnamese beside the English `failure`: the job's problem is
-- answered in the language its reader asks for, however long after the import ran.
ALTER TABLE import_job ADD COLUMN failure_vi VARCHAR(1000) NULL;
