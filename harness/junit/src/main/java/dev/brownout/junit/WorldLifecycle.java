package dev.brownout.junit;

/** How long one world of {@link WithBrownoutWorld} lives. */
public enum WorldLifecycle {

    /**
     * One world for the test class, its {@code @Nested} classes included, started before its {@code @BeforeAll}
     * methods and closed after its {@code @AfterAll} methods. The default.
     */
    PER_CLASS,

    /**
     * A fresh world for each test, started before its {@code @BeforeEach} methods and closed after its
     * {@code @AfterEach} methods; constructors and {@code @BeforeAll} methods cannot take it.
     */
    PER_TEST
}
