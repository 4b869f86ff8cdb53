package dev.brownout.internal.sut;

/**
 * Whether Testcontainers is on the class path. Core depends on it optionally, so a user who never runs a SUT in
 * a container does not carry it; a SUT file with {@code container:} then says which artifact to add instead of
 * failing with a {@link NoClassDefFoundError}.
 */
final class TestcontainersOnClassPath {

    static final String ARTIFACT = "org.testcontainers:testcontainers";
    private static final String PROBE = "org.testcontainers.containers.GenericContainer";

    private TestcontainersOnClassPath() {
    }

    static boolean present() {
        try {
            Class.forName(PROBE, false, TestcontainersOnClassPath.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** @throws SutStartException naming the artifact to add, when Testcontainers is not there */
    static void require(String sutName) {
        if (!present()) {
            throw new SutStartException("SUT '" + sutName + "' runs in a container (container: in its SUT file), which "
                    + "needs Testcontainers on the class path: add the dependency " + ARTIFACT + " (2.x; the brownout "
                    + "command carries it)");
        }
    }
}
