package dev.brownout.internal.sut;

import dev.brownout.Sut;
import dev.brownout.world.WorldEndpoints;

import java.nio.file.Path;

/**
 * Run in a JVM whose class path lacks Testcontainers: a SUT file with {@code container:} must say which artifact to
 * add, and the public {@link Sut} class, whose {@code container} methods name a Testcontainers type, must still load.
 * Prints what it saw; exits 0 when each held.
 */
public final class WithoutTestcontainers {

    private WithoutTestcontainers() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        System.out.println(TestcontainersOnClassPath.present() ? "Testcontainers present" : "Testcontainers absent");
        WorldEndpoints world = SutFixtures.paperWorld();
        try {
            SutStarter.start(SutSpec.load(file), world, SutFixtures.environmentOf(world), Path.of(args[1]), 1.0).close();
            System.out.println("the container SUT started");
            System.exit(2);
        } catch (SutStartException e) {
            System.out.println(e.getMessage());
        }
        System.out.println("the Sut of the file: " + Sut.fromFile(file).name());
        System.exit(TestcontainersOnClassPath.present() ? 3 : 0);
    }
}
