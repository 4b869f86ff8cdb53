package dev.brownout.fakes.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.brownout.fakes.config.JsonProblem;
import dev.brownout.fakes.config.Mappers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The models fakes can serve, looked up by id or alias. Loaded from YAML; the default ships as a resource. */
public final class ModelCatalog {

    private static final String DEFAULT_RESOURCE = "/dev/brownout/fakes/catalog.yaml";

    private final Map<String, ModelProfile> byId;
    private final Map<String, ModelProfile> byName;
    private final List<ModelProfile> ordered;

    private ModelCatalog(List<ModelProfile> models) {
        Map<String, ModelProfile> ids = new LinkedHashMap<>();
        Map<String, ModelProfile> names = new LinkedHashMap<>();
        for (ModelProfile model : models) {
            ids.put(model.id(), model);
            names.put(model.id(), model);
            for (String alias : model.aliases()) {
                names.putIfAbsent(alias, model);
            }
        }
        this.byId = Map.copyOf(ids);
        this.byName = Map.copyOf(names);
        this.ordered = List.copyOf(ids.values());
    }

    /** Every model's pace on a clock {@code factor} times as long; capability, price and window unchanged. */
    public ModelCatalog paced(double factor) {
        return factor == 1 ? this : new ModelCatalog(ordered.stream().map(m -> m.paced(factor)).toList());
    }

    public static ModelCatalog of(List<ModelProfile> models) {
        return new ModelCatalog(models);
    }

    /** The catalog that ships with Brownout. */
    public static ModelCatalog defaults() {
        try (InputStream in = ModelCatalog.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the default catalog resource is missing from the jar");
            }
            return parse(in.readAllBytes(), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a catalog file; errors name the file, the field and what is wrong. */
    public static ModelCatalog load(Path file) {
        try {
            return parse(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the catalog: " + e.getMessage(), e);
        }
    }

    static ModelCatalog parse(byte[] yaml, String origin) {
        CatalogFile file;
        try {
            file = Mappers.yaml().readValue(yaml, CatalogFile.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(origin + ": " + JsonProblem.of(e).describe(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
        }
        if (file == null || file.models() == null || file.models().isEmpty()) {
            throw new IllegalArgumentException(origin + ": a catalog needs at least one entry under 'models'");
        }
        return new ModelCatalog(file.models());
    }

    /** This catalog with {@code overrides} replacing models of the same id and adding new ones. */
    public ModelCatalog with(ModelCatalog overrides) {
        Map<String, ModelProfile> merged = new LinkedHashMap<>(byId);
        overrides.byId.forEach(merged::put);
        return new ModelCatalog(new ArrayList<>(merged.values()));
    }

    public Optional<ModelProfile> find(String idOrAlias) {
        return idOrAlias == null ? Optional.empty() : Optional.ofNullable(byName.get(idOrAlias));
    }

    public ModelProfile require(String idOrAlias) {
        return find(idOrAlias).orElseThrow(() -> new IllegalArgumentException(
                "unknown model '" + idOrAlias + "'; the catalog has " + String.join(", ", byId.keySet())));
    }

    public List<ModelProfile> models() {
        return ordered;
    }

    record CatalogFile(LocalDate checked, List<ModelProfile> models) {
    }
}
