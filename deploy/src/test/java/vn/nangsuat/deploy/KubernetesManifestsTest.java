package vn.nangsuat.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes, read strictly into the Kubernetes API's types (fabric8's model, generated from the API's
 * OpenAPI schema: a field the API does not have is an error, not something kubectl drops), then held to what the
 * system needs: two replicas of each application, probes on the management port, resources, a disruption budget,
 * Secrets for keys and passwords, a Job that creates the schemas and topics.
 */
class KubernetesManifestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What each kind is read into, and the API version it must name. */
    private static final Map<String, Kind> KINDS = Map.of(
            "Namespace", new Kind("v1", Namespace.class),
            "ConfigMap", new Kind("v1", ConfigMap.class),
            "Secret", new Kind("v1", Secret.class),
            "Service", new Kind("v1", Service.class),
            "Deployment", new Kind("apps/v1", Deployment.class),
            "Job", new Kind("batch/v1", Job.class),
            "PodDisruptionBudget", new Kind("policy/v1", PodDisruptionBudget.class));
    private static final List<HasMetadata> RESOURCES = Repository.filesUnder("deploy/kubernetes", ".yaml").stream()
            .filter(path -> !path.endsWith("kustomization.yaml"))
            .flatMap(path -> Repository.yaml(path).stream().map(document -> read(path, document)))
            .toList();

    private record Kind(String apiVersion, Class<? extends HasMetadata> type) {
    }

    @Test
    void everyManifestReadsStrictlyIntoTheKubernetesApiTypes() {
        assertFalse(RESOURCES.isEmpty());
        List<String> unknown = new ArrayList<>();
        for (HasMetadata resource : RESOURCES) {
            unknownFields(resource, resource.getKind() + " " + resource.getMetadata().getName(), unknown);
        }
        assertEquals(List.of(), unknown, "fields the Kubernetes API does not have");
    }

    @Test
    void theStrictReadingRefusesAFieldTheApiDoesNotHave() {
        Map<String, Object> deployment = Repository.yaml(Repository.file("deploy/kubernetes/gateway.yaml")).get(0);
        Repository.map(deployment.get("spec")).put("replica", 3);
        List<String> unknown = new ArrayList<>();
        unknownFields(read(Path.of("gateway.yaml"), deployment), "Deployment gateway", unknown);
        assertEquals(List.of("Deployment gateway.spec: [replica]"), unknown);
    }

    @Test
    void kustomizeAppliesEveryManifestButTheSecretsExample() {
        Map<String, Object> kustomization = Repository.yaml(Repository.file("deploy/kubernetes/kustomization.yaml")).get(0);
        Set<String> listed = new TreeSet<>();
        ((List<?>) kustomization.get("resources")).forEach(resource -> listed.add(resource.toString()));
        Set<String> files = new TreeSet<>();
        Repository.filesUnder("deploy/kubernetes", ".yaml").stream().map(path -> path.getFileName().toString())
                .filter(name -> !name.equals("kustomization.yaml") && !name.equals("secrets.example.yaml"))
                .forEach(files::add);
        assertEquals(files, listed);
        Set<String> images = new TreeSet<>();
        ((List<?>) kustomization.get("images")).forEach(image -> images.add(Repository.map(image).get("name").toString()));
        assertEquals(new TreeSet<>(Repository.APPLICATIONS.stream().map(name -> "nangsuat/" + name).toList()), images);
    }

    @Test
    void eachApplicationRunsTwoReplicasProbedOnItsManagementPortWithResources() {
        for (String application : Repository.APPLICATIONS) {
            Deployment deployment = one(Deployment.class, application);
            ApplicationSettings settings = ApplicationSettings.of(application);
            assertEquals(2, deployment.getSpec().getReplicas(), application);
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertEquals("nangsuat/" + application, container.getImage());
            Map<String, Integer> ports = new java.util.HashMap<>();
            for (ContainerPort port : container.getPorts()) {
                ports.put(port.getName(), port.getContainerPort());
            }
            assertEquals(Map.of("http", settings.httpPort(), "management", settings.managementPort()), ports, application);
            assertProbe(container.getStartupProbe(), "/q/health/live", application);
            assertProbe(container.getLivenessProbe(), "/q/health/live", application);
            assertProbe(container.getReadinessProbe(), "/q/health/ready", application);
            assertNotNull(container.getResources().getRequests().get("memory"), application + " requests memory");
            assertNotNull(container.getResources().getRequests().get("cpu"), application + " requests cpu");
            assertNotNull(container.getResources().getLimits().get("memory"), application + " is limited in memory");
            assertEquals(String.valueOf(settings.managementPort()),
                    deployment.getSpec().getTemplate().getMetadata().getAnnotations().get("prometheus.io/port"));
            assertTrue(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot());
        }
    }

    @Test
    void eachApplicationHasAServiceToItsPodsAndADisruptionBudget() {
        for (String application : Repository.APPLICATIONS) {
            Map<String, String> labels = one(Deployment.class, application).getSpec().getTemplate().getMetadata().getLabels();
            Service service = one(Service.class, application);
            assertTrue(labels.entrySet().containsAll(service.getSpec().getSelector().entrySet()), application);
            assertEquals(ApplicationSettings.of(application).httpPort(), service.getSpec().getPorts().get(0).getPort());
            assertEquals("http", service.getSpec().getPorts().get(0).getTargetPort().getStrVal());
            PodDisruptionBudget budget = one(PodDisruptionBudget.class, application);
            assertEquals(1, budget.getSpec().getMinAvailable().getIntVal(), application);
            assertTrue(labels.entrySet().containsAll(budget.getSpec().getSelector().getMatchLabels().entrySet()));
        }
    }

    @Test
    void everyVariableSetIsReadAndEveryRequiredOneIsSetFromTheirSecretsAndConfig() {
        Set<String> secretKeys = new TreeSet<>();
        resources(Secret.class).forEach(secret -> secret.getStringData().keySet()
                .forEach(key -> secretKeys.add(secret.getMetadata().getName() + "/" + key)));
        Set<String> configKeys = new TreeSet<>();
        resources(ConfigMap.class).forEach(config -> config.getData().keySet()
                .forEach(key -> configKeys.add(config.getMetadata().getName() + "/" + key)));
        List<String> wrong = new ArrayList<>();
        for (String application : Repository.APPLICATIONS) {
            ApplicationSettings settings = ApplicationSettings.of(application);
            Set<String> set = new TreeSet<>();
            for (EnvVar variable : one(Deployment.class, application).getSpec().getTemplate().getSpec().getContainers()
                    .get(0).getEnv()) {
                set.add(variable.getName());
                if (!settings.read().contains(variable.getName())) {
                    wrong.add(application + ": " + variable.getName() + " is read by nothing");
                }
                wrong.addAll(missingReference(application, variable, secretKeys, configKeys));
            }
            settings.required().stream().filter(name -> !set.contains(name))
                    .forEach(name -> wrong.add(application + ": " + name + " is required and not set"));
        }
        for (Container container : setupContainers()) {
            container.getEnv().forEach(variable -> wrong.addAll(missingReference("setup", variable, secretKeys, configKeys)));
        }
        assertEquals(List.of(), wrong);
        resources(Deployment.class).forEach(deployment -> assertEquals("nangsuat-jwt",
                deployment.getSpec().getTemplate().getSpec().getVolumes().get(0).getSecret().getSecretName(),
                "the token key comes from a Secret"));
        for (String application : List.of("province", "indicator", "plan")) {
            EnvVar password = one(Deployment.class, application + "-service").getSpec().getTemplate().getSpec()
                    .getContainers().get(0).getEnv().stream().filter(v -> v.getName().equals("DB_PASSWORD")).findFirst()
                    .orElseThrow();
            assertEquals("nangsuat-db", password.getValueFrom().getSecretKeyRef().getName(), "a password from a Secret");
        }
    }

    @Test
    void theSetupJobCreatesEverySchemaAndTopicTheComposeFileCreates() {
        String job = String.join("\n", setupContainers().stream()
                .flatMap(container -> Stream.concat(container.getCommand().stream(), container.getArgs().stream()))
                .toList());
        for (String schema : List.of("province", "indicator", "plan")) {
            assertTrue(job.contains("CREATE DATABASE IF NOT EXISTS " + schema + " CHARACTER SET utf8mb4 COLLATE "
                    + "utf8mb4_unicode_520_ci"), schema);
            assertTrue(job.contains("GRANT ALL PRIVILEGES ON " + schema + ".* TO '" + schema + "'@'%'"), schema);
        }
        String compose = Repository.read("docker-compose.yml");
        for (String topic : List.of("province.events indicator.events plan.events", "--topic province.units ",
                "--topic province.units.dlq ", "--entity-name indicator.events --add-config retention.ms=-1",
                "cleanup.policy=compact", "--topic $topic.dlq")) {
            assertTrue(job.contains(topic), "the Job: " + topic);
            // compose writes a $ of the shell as $$.
            assertTrue(compose.contains(topic.replace("$topic", "$$topic")), "docker-compose.yml: " + topic);
        }
    }

    private static List<String> missingReference(String application, EnvVar variable, Set<String> secretKeys,
            Set<String> configKeys) {
        if (variable.getValueFrom() == null) {
            return List.of();
        }
        if (variable.getValueFrom().getSecretKeyRef() != null) {
            String key = variable.getValueFrom().getSecretKeyRef().getName() + "/"
                    + variable.getValueFrom().getSecretKeyRef().getKey();
            return secretKeys.contains(key) ? List.of() : List.of(application + ": no Secret key " + key);
        }
        String key = variable.getValueFrom().getConfigMapKeyRef().getName() + "/"
                + variable.getValueFrom().getConfigMapKeyRef().getKey();
        return configKeys.contains(key) ? List.of() : List.of(application + ": no ConfigMap key " + key);
    }

    private static List<Container> setupContainers() {
        Job job = one(Job.class, "nangsuat-setup");
        List<Container> containers = new ArrayList<>(job.getSpec().getTemplate().getSpec().getInitContainers());
        containers.addAll(job.getSpec().getTemplate().getSpec().getContainers());
        containers.forEach(container -> assertNotNull(container.getResources().getLimits().get("memory"),
                container.getName() + " is limited in memory"));
        return containers;
    }

    private static void assertProbe(Probe probe, String path, String application) {
        assertNotNull(probe, application + " probes " + path);
        assertEquals(path, probe.getHttpGet().getPath(), application);
        assertEquals("management", probe.getHttpGet().getPort().getStrVal(), application + " probes the management port");
    }

    private static <T extends HasMetadata> List<T> resources(Class<T> type) {
        return RESOURCES.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static <T extends HasMetadata> T one(Class<T> type, String name) {
        List<T> named = resources(type).stream().filter(resource -> resource.getMetadata().getName().equals(name)).toList();
        assertEquals(1, named.size(), "one " + type.getSimpleName() + " named " + name);
        return named.get(0);
    }

    private static HasMetadata read(Path file, Map<String, Object> document) {
        Kind kind = KINDS.get(String.valueOf(document.get("kind")));
        assertNotNull(kind, file + ": a kind these manifests do not use: " + document.get("kind"));
        assertEquals(kind.apiVersion(), document.get("apiVersion"), file + ": " + document.get("kind"));
        return JSON.convertValue(document, kind.type());
    }

    /**
     * Every field the reading kept aside as unknown (fabric8's types keep them in additionalProperties, so that a
     * newer API's fields survive a round trip), with where it was.
     */
    private static void unknownFields(Object value, String where, List<String> unknown) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                unknownFields(item, where + "[" + index++ + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> entries) {
            entries.forEach((key, item) -> unknownFields(item, where + "." + key, unknown));
            return;
        }
        if (!value.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object field;
            try {
                field = getter.invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(getter.toString(), e);
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(where + ": " + new TreeSet<>(extra.keySet().stream().map(String::valueOf).toList()));
                }
            } else {
                String name = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
                unknownFields(field, where + "." + name, unknown);
            }
        }
    }
}
