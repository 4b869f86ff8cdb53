package dev.brownout.fakesimage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Kubernetes objects of {@code docs/deploy/*.yaml}, each read by the official Kubernetes Java client's model
 * ({@code io.kubernetes:client-java-api}, generated from the Kubernetes API's OpenAPI schema). Its
 * {@code fromJson} checks every object against that schema: a field the schema does not have, a required field
 * missing or a value of the wrong type is an {@link IllegalArgumentException} naming the field.
 */
record DeployManifests(List<V1Deployment> deployments, List<V1Service> services, List<V1ConfigMap> configMaps,
                       List<V1Secret> secrets, List<V1NetworkPolicy> networkPolicies) {

    static final Path DIRECTORY = Path.of(System.getProperty("deploy.dir", "../../docs/deploy"));
    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Every document of every YAML file in {@code docs/deploy}, as parsed JSON trees. */
    static List<Document> documents() throws IOException {
        List<Document> documents = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(DIRECTORY)) {
            files = listing.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path file : files) {
            try (JsonParser parser = YAML.createParser(file.toFile())) {
                YAML.readValues(parser, JsonNode.class).forEachRemaining(node -> {
                    if (node != null && !node.isNull()) {
                        documents.add(new Document(file.getFileName().toString(), node));
                    }
                });
            }
        }
        return documents;
    }

    static DeployManifests load() throws IOException {
        DeployManifests manifests = new DeployManifests(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>());
        for (Document document : documents()) {
            manifests.add(document);
        }
        return manifests;
    }

    /** Checks one object against the schema of its kind and keeps it; an unknown kind is refused. */
    void add(Document document) throws IOException {
        String json = JSON.writeValueAsString(document.tree());
        switch (document.apiVersion() + " " + document.kind()) {
            case "apps/v1 Deployment" -> deployments.add(V1Deployment.fromJson(json));
            case "v1 Service" -> services.add(V1Service.fromJson(json));
            case "v1 ConfigMap" -> configMaps.add(V1ConfigMap.fromJson(json));
            case "v1 Secret" -> secrets.add(V1Secret.fromJson(json));
            case "networking.k8s.io/v1 NetworkPolicy" -> networkPolicies.add(V1NetworkPolicy.fromJson(json));
            default -> throw new IllegalArgumentException(document.file() + ": no schema here for "
                    + document.apiVersion() + " " + document.kind() + " (known: apps/v1 Deployment, v1 Service, "
                    + "v1 ConfigMap, v1 Secret, networking.k8s.io/v1 NetworkPolicy)");
        }
    }

    int size() {
        return deployments.size() + services.size() + configMaps.size() + secrets.size() + networkPolicies.size();
    }

    V1Deployment deployment(String name) {
        return deployments.stream().filter(d -> d.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment named " + name + " in " + DIRECTORY));
    }

    V1Service service(String name) {
        return services.stream().filter(s -> s.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no Service named " + name + " in " + DIRECTORY));
    }

    V1ConfigMap configMap(String name) {
        return configMaps.stream().filter(c -> c.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no ConfigMap named " + name + " in " + DIRECTORY));
    }

    /** One YAML document of one file. */
    record Document(String file, JsonNode tree) {
        String apiVersion() {
            return tree.path("apiVersion").asText();
        }

        String kind() {
            return tree.path("kind").asText();
        }
    }
}
