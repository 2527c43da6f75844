/**
 * A frontend's day with the generated client, run by the e2e suite against the packaged system through the gateway:
 * page through the provinces by their Link headers, read a unit's overview, record a value and correct it with
 * If-Match, and read the problems of refused requests. It returns what it saw; the Java test checks it.
 */
import { Configuration, ObservationsApi, OverviewApi, ProblemFromJSON, ProvincesApi, ResponseError } from "./client";
import type { Problem, ProvinceUnit } from "./client";

export interface Seen {
    provinceCodes: string[];
    pagesRead: number;
    overviewUnitName: string | null;
    overviewWarnings: number;
    firstRecordStatus: number;
    correctionStatus: number;
    correctedValue: number | null;
    entityTagChanged: boolean;
    staleWrite: Problem;
    invalidRead: Problem;
}

/** The page number of the rel="next" link of an RFC 8288 Link header, if there is one. */
export function nextPage(link: string | null): number | undefined {
    for (const part of (link ?? "").split(",")) {
        const target = /<([^>]*)>\s*;\s*rel="?next"?/.exec(part.trim());
        const page = target ? /[?&]page=(\d+)/.exec(target[1]) : null;
        if (page) {
            return Number(page[1]);
        }
    }
    return undefined;
}

/** The problem a refused request answered, read as the contract describes it. */
async function problemOf(refused: () => Promise<unknown>): Promise<Problem> {
    try {
        await refused();
    } catch (error) {
        if (error instanceof ResponseError) {
            return ProblemFromJSON(await error.response.json());
        }
        throw error;
    }
    throw new Error("the request was not refused");
}

export async function scenario(basePath: string, token: string): Promise<Seen> {
    const configuration = new Configuration({ basePath, accessToken: token });
    const provinces = new ProvincesApi(configuration);
    const observations = new ObservationsApi(configuration);

    const provinceCodes: string[] = [];
    let pagesRead = 0;
    let page: number | undefined = 0;
    while (page !== undefined) {
        const answer = await provinces.provinceListRaw({ asOf: new Date("2025-06-30"), size: 20, page });
        const units = await answer.value();
        provinceCodes.push(...units.items.map((unit: ProvinceUnit) => unit.code));
        pagesRead++;
        page = nextPage(answer.raw.headers.get("Link"));
    }

    const overview = await new OverviewApi(configuration).provinceOverview({ code: "19" });

    const key = { unit: "19", indicator: "EMPLOYED_WORKERS", period: "2009" };
    const first = await observations.observationRecordRaw({ ...key,
        observationRequest: { value: 640.5, status: "PRELIMINARY", source: "TypeScript scenario" } });
    const readTag = first.raw.headers.get("ETag") ?? "";
    const correction = await observations.observationRecordRaw({ ...key, ifMatch: readTag,
        observationRequest: { value: 641.2, status: "OFFICIAL", source: "TypeScript scenario" } });
    const corrected = await correction.value();

    const staleWrite = await problemOf(() => observations.observationRecord({ ...key, ifMatch: readTag,
        observationRequest: { value: 999, status: "OFFICIAL" } }));
    const invalidRead = await problemOf(() => provinces.provinceList({ size: 0 }));

    return {
        provinceCodes,
        pagesRead,
        overviewUnitName: overview.unit?.name ?? null,
        overviewWarnings: overview.warnings.length,
        firstRecordStatus: first.raw.status,
        correctionStatus: correction.raw.status,
        correctedValue: corrected.value ?? null,
        entityTagChanged: correction.raw.headers.get("ETag") !== readTag,
        staleWrite,
        invalidRead,
    };
}
