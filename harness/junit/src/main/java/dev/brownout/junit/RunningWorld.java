package dev.brownout.junit;

import dev.brownout.BrownoutWorld;

/**
 * A world started for a declaration, kept in the extension store of the class or test it belongs to; closing it
 * closes the world and tells the extension instance that declared it, if one did.
 */
final class RunningWorld implements AutoCloseable {

    private final BrownoutWorld world;
    private final WorldDeclaration declaration;

    RunningWorld(BrownoutWorld world, WorldDeclaration declaration) {
        this.world = world;
        this.declaration = declaration;
        declaration.extension().ifPresent(extension -> extension.attach(this));
    }

    BrownoutWorld world() {
        return world;
    }

    WorldDeclaration declaration() {
        return declaration;
    }

    @Override
    public void close() {
        try {
            world.close();
        } finally {
            declaration.extension().ifPresent(extension -> extension.detach(this));
        }
    }

    @Override
    public String toString() {
        return world + " for " + declaration.origin();
    }
}
