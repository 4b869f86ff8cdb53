/**
 * The JUnit Jupiter extension: a fake world per test class or per test, injected as a parameter, or a measured
 * run per test with its result injected.
 *
 * <ul>
 *   <li>World style: {@link dev.brownout.junit.WithBrownoutWorld} on the class, or a
 *       {@link dev.brownout.junit.BrownoutExtension} built with {@code newInstance()} in a
 *       {@code @RegisterExtension} field (static: a world per class; instance: a world per test). Tests take
 *       {@link dev.brownout.BrownoutWorld}, {@link dev.brownout.WorldProvider} (by {@link dev.brownout.junit.ProviderName})
 *       and {@link dev.brownout.WorldOAuth} parameters, and {@link dev.brownout.junit.InPhase} enters a phase.</li>
 *   <li>Measured style: {@link dev.brownout.junit.BrownoutTest} plays a run before the test body and injects
 *       {@link dev.brownout.BrownoutRun} and {@link dev.brownout.reports.RunResult}; a failure names the run's report.</li>
 * </ul>
 *
 * <p>Every annotation here brings the extension with it, so none needs {@code @ExtendWith}. The module's
 * {@code README.md} shows both styles, Spring Boot and the container fault proxy.
 */
package dev.brownout.junit;
