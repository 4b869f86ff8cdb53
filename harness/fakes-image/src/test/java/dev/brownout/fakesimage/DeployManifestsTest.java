package dev.brownout.fakesimage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.WorldConfig;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1NetworkPolicyIngressRule;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPeer;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPort;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1Volume;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The manifests in {@code docs/deploy}: every object is valid against the Kubernetes API schema (as the official
 * client's model checks it), and they fit together: Services select Deployments' pods and target ports those
 * pods declare, the fakes' Services are the world file's providers on its ports, a Toxiproxy stands in front of
 * each of them, and every ConfigMap key and Secret key a pod uses exists.
 */
class DeployManifestsTest {

    static DeployManifests manifests;
    static WorldConfig world;

    @TempDir
    static Path work;

    @BeforeAll
    static void load() throws Exception {
        manifests = DeployManifests.load();
        Path worldFile = work.resolve("world.yaml");
        Files.writeString(worldFile, manifests.configMap("brownout-world").getData().get("world.yaml"));
        world = WorldConfig.load(worldFile);
    }

    @Test
    void everyDocumentIsAKnownKindValidAgainstTheKubernetesSchema() throws Exception {
        int documents = DeployManifests.documents().size();

        assertThat(manifests.size()).as("objects read and checked, of the %s documents in %s", documents,
                DeployManifests.DIRECTORY).isEqualTo(documents);
        assertThat(manifests.deployments()).as("Deployments").isNotEmpty();
    }

    @Test
    void theSchemaCheckRefusesAFieldTheSchemaDoesNotHave() throws Exception {
        DeployManifests.Document fakes = fakesDeploymentDocument();
        ((ObjectNode) fakes.tree().path("spec")).put("replica", 1);

        assertThatThrownBy(() -> DeployManifests.load().add(fakes)).as("a Deployment with 'spec.replica'")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("replica");
    }

    @Test
    void theSchemaCheckRefusesAContainerWithoutItsRequiredName() throws Exception {
        DeployManifests.Document fakes = fakesDeploymentDocument();
        ((ObjectNode) fakes.tree().path("spec").path("template").path("spec").path("containers").get(0)).remove("name");

        assertThatThrownBy(() -> DeployManifests.load().add(fakes)).as("a Deployment whose container has no name")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
    }

    @Test
    void everyServiceSelectsThePodsOfExactlyOneDeployment() {
        for (V1Service service : manifests.services()) {
            assertThat(selected(service)).as("Deployments whose pods Service %s selects",
                    service.getMetadata().getName()).hasSize(1);
        }
    }

    @Test
    void everyServiceTargetsAPortItsPodsDeclare() {
        for (V1Service service : manifests.services()) {
            V1Deployment deployment = selected(service).getFirst();
            for (V1ServicePort port : service.getSpec().getPorts()) {
                assertThat(containerPort(deployment, port.getTargetPort())).as("container port of %s that Service %s targets",
                        port.getTargetPort(), service.getMetadata().getName()).isNotNull();
            }
        }
    }

    @Test
    void theFakesServicesAreTheWorldFilesProvidersOnTheirPorts() {
        V1Deployment fakes = manifests.deployment("brownout-fakes");
        Set<String> fakeServices = manifests.services().stream()
                .filter(service -> selected(service).contains(fakes))
                .map(service -> service.getMetadata().getName()).collect(Collectors.toSet());

        assertThat(fakeServices).as("Services in front of the fakes")
                .isEqualTo(world.providers().stream().map(p -> "brownout-fakes-" + p.name()).collect(Collectors.toSet()));
        for (ProviderConfig provider : world.providers()) {
            V1ServicePort port = manifests.service("brownout-fakes-" + provider.name()).getSpec().getPorts().getFirst();
            assertThat(port.getPort()).as("port of the Service of provider %s", provider.name()).isEqualTo(provider.port());
            assertThat(containerPort(fakes, port.getTargetPort())).as("container port the Service of %s targets",
                    provider.name()).isEqualTo(provider.port());
        }
    }

    @Test
    void aToxiproxyStandsInFrontOfEveryProviderWithItsServiceAsUpstream() throws Exception {
        for (ProviderConfig provider : world.providers()) {
            String name = "toxiproxy-" + provider.name();
            JsonNode proxies = DeployManifests.JSON.readTree(manifests.configMap(name).getData().get("toxiproxy.json"));

            assertThat(proxies.size()).as("proxies in ConfigMap %s", name).isEqualTo(1);
            assertThat(proxies.get(0).path("upstream").asText()).as("upstream of the proxy in %s", name)
                    .isEqualTo("brownout-fakes-" + provider.name() + ":" + provider.port());
            int listen = Integer.parseInt(proxies.get(0).path("listen").asText().replaceAll(".*:", ""));
            assertThat(containerPort(manifests.deployment(name), new IntOrString("proxy")))
                    .as("the proxy port Deployment %s declares", name).isEqualTo(listen);
            assertThat(selected(manifests.service(name))).as("Deployment that Service %s selects", name)
                    .containsExactly(manifests.deployment(name));
        }
    }

    @Test
    void everyConfigMapKeyAndSecretKeyAPodUsesExists() {
        for (V1Deployment deployment : manifests.deployments()) {
            String name = deployment.getMetadata().getName();
            for (V1Volume volume : deployment.getSpec().getTemplate().getSpec().getVolumes()) {
                if (volume.getConfigMap() != null) {
                    Map<String, String> data = manifests.configMap(volume.getConfigMap().getName()).getData();
                    volume.getConfigMap().getItems().forEach(item -> assertThat(data)
                            .as("keys of ConfigMap %s mounted by %s", volume.getConfigMap().getName(), name)
                            .containsKey(item.getKey()));
                }
            }
            for (V1Container container : containers(deployment)) {
                for (V1EnvVar env : container.getEnv() == null ? List.<V1EnvVar>of() : container.getEnv()) {
                    if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                        String secret = env.getValueFrom().getSecretKeyRef().getName();
                        assertThat(manifests.secrets().stream().filter(s -> s.getMetadata().getName().equals(secret))
                                .flatMap(s -> s.getStringData().keySet().stream()).toList())
                                .as("keys of Secret %s that %s of %s reads", secret, env.getName(), name)
                                .contains(env.getValueFrom().getSecretKeyRef().getKey());
                    }
                }
            }
        }
    }

    @Test
    void theFakesRunTheImageThisModuleBuildsOnEveryInterfaceWithTheAdminTokenFromTheSecret() {
        V1Container fakes = containers(manifests.deployment("brownout-fakes")).getFirst();

        assertThat(fakes.getImage()).as("image of the fakes").isEqualTo(System.getProperty("fakes-image.name"));
        assertThat(fakes.getArgs()).as("arguments of the fakes")
                .containsSubsequence("--config", "/etc/brownout/world.yaml").containsSubsequence("--host", "0.0.0.0");
        assertThat(fakes.getEnv()).as("environment of the fakes").anySatisfy(env -> {
            assertThat(env.getName()).isEqualTo("BROWNOUT_ADMIN_TOKEN");
            assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo("brownout-admin-token");
        });
    }

    @Test
    void theFakesProbesAskForTheHealthOfAPortThePodDeclares() {
        V1Deployment deployment = manifests.deployment("brownout-fakes");
        V1Container fakes = containers(deployment).getFirst();

        for (V1Probe probe : List.of(fakes.getReadinessProbe(), fakes.getLivenessProbe())) {
            assertThat(probe.getHttpGet().getPath()).as("path of a probe of the fakes").isEqualTo("/__brownout/health");
            assertThat(containerPort(deployment, probe.getHttpGet().getPort())).as("port of a probe of the fakes")
                    .isNotNull();
        }
    }

    @Test
    void everyContainerHasResourceRequestsAndLimitsAndRunsAsNonRoot() {
        for (V1Deployment deployment : manifests.deployments()) {
            String name = deployment.getMetadata().getName();
            assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot())
                    .as("runAsNonRoot of %s", name).isTrue();
            for (V1Container container : containers(deployment)) {
                assertThat(container.getResources().getRequests()).as("requests of %s", name).containsKeys("cpu", "memory");
                assertThat(container.getResources().getLimits()).as("limits of %s", name).containsKeys("cpu", "memory");
            }
        }
    }

    @Test
    void everyNetworkPolicySelectsPodsAndNamesPortsTheyDeclare() {
        assertThat(manifests.networkPolicies()).as("NetworkPolicies").isNotEmpty();
        for (V1NetworkPolicy policy : manifests.networkPolicies()) {
            List<V1Deployment> pods = selected(policy.getSpec().getPodSelector().getMatchLabels());
            assertThat(pods).as("Deployments whose pods NetworkPolicy %s selects", policy.getMetadata().getName()).isNotEmpty();
            for (V1NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                for (V1NetworkPolicyPort port : rule.getPorts()) {
                    pods.forEach(deployment -> assertThat(containerPort(deployment, port.getPort()))
                            .as("port %s of NetworkPolicy %s on the pods of %s", port.getPort(),
                                    policy.getMetadata().getName(), deployment.getMetadata().getName()).isNotNull());
                }
            }
        }
    }

    @Test
    void onlyTheHarnessAndTheProxiesMayReachTheControlAndTheFakesPorts() {
        V1Deployment fakes = manifests.deployment("brownout-fakes");
        for (V1NetworkPolicy policy : manifests.networkPolicies()) {
            List<V1Deployment> pods = selected(policy.getSpec().getPodSelector().getMatchLabels());
            for (V1NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                boolean control = pods.contains(fakes) || rule.getPorts().stream()
                        .anyMatch(port -> !new IntOrString("proxy").equals(port.getPort()));
                if (control) {
                    assertThat(rule.getFrom()).as("who NetworkPolicy %s lets reach a control port", policy.getMetadata().getName())
                            .isNotEmpty()
                            .allSatisfy(peer -> assertThat(role(peer)).isIn("harness", "fault-proxy"));
                }
            }
        }
    }

    @Test
    void theImagesDefaultWorldLoadsInTheFakes() {
        WorldConfig defaults = WorldConfig.load(Path.of("src/image/files/etc/brownout/world.yaml"));

        assertThat(defaults.providers()).as("providers of the image's default world")
                .extracting(ProviderConfig::port).containsExactly(8081, 8082);
    }

    private static DeployManifests.Document fakesDeploymentDocument() throws Exception {
        DeployManifests.Document original = DeployManifests.documents().stream()
                .filter(d -> d.kind().equals("Deployment") && d.tree().path("metadata").path("name").asText().equals("brownout-fakes"))
                .findFirst().orElseThrow();
        return new DeployManifests.Document(original.file(), original.tree().deepCopy());
    }

    private static String role(V1NetworkPolicyPeer peer) {
        return peer.getPodSelector() == null || peer.getPodSelector().getMatchLabels() == null ? null
                : peer.getPodSelector().getMatchLabels().get("brownout.dev/role");
    }

    private static List<V1Deployment> selected(V1Service service) {
        return selected(service.getSpec().getSelector());
    }

    private static List<V1Deployment> selected(Map<String, String> selector) {
        List<V1Deployment> matches = new ArrayList<>();
        for (V1Deployment deployment : manifests.deployments()) {
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            if (selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet())) {
                matches.add(deployment);
            }
        }
        return matches;
    }

    private static List<V1Container> containers(V1Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers();
    }

    /** The container port a Service's target port or a probe's port names, or null when no container declares it. */
    private static Integer containerPort(V1Deployment deployment, IntOrString port) {
        for (V1Container container : containers(deployment)) {
            for (V1ContainerPort declared : container.getPorts()) {
                if (port.isInteger() ? declared.getContainerPort().equals(port.getIntValue())
                        : port.getStrValue().equals(declared.getName())) {
                    return declared.getContainerPort();
                }
            }
        }
        return null;
    }
}
