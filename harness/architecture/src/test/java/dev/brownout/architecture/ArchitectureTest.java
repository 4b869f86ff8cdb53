package dev.brownout.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of Brownout's code, checked on the compiled classes of every artifact: no package cycles, modules
 * depending one way only, and public types only in the documented API or in {@code internal} packages.
 */
class ArchitectureTest {

    private static final JavaClasses OURS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.brownout");

    private static final String INTERNAL = "..internal..";

    @Test
    void noPackageDependsOnItselfThroughAnother() {
        slices().matching("dev.(**)").namingSlices("package dev.$1").should().beFreeOfCycles().check(OURS);
    }

    @Test
    void publicTypesAreInTheDocumentedApiOrInInternalPackages() {
        classes().that().arePublic().and().resideOutsideOfPackage(INTERNAL)
                .should().resideInAnyPackage(DocumentedApi.PACKAGES.toArray(String[]::new))
                .because("a public type is either documented API (DocumentedApi.PACKAGES) or lives in an internal package")
                .check(OURS);
    }

    @Test
    void theDocumentedApiNamesNoInternalTypeInItsSignatures() {
        codeUnits().that().arePublic()
                .and().areDeclaredInClassesThat(DescribedPredicate.describe("public documented types",
                        (JavaClass owner) -> owner.getModifiers().contains(JavaModifier.PUBLIC) && !isInternal(owner)))
                .should(exposeNoInternalType())
                .check(OURS);
    }

    @Test
    void theLowestModulesDependOnNothingOfOurs() {
        for (String module : List.of("reports", "fakes", "faultproxy", "gateways")) {
            noClasses().that().resideInAPackage("dev.brownout." + module + "..")
                    .should().dependOnClassesThat(DescribedPredicate.describe("classes of another Brownout module",
                            (JavaClass target) -> target.getPackageName().startsWith("dev.brownout")
                                    && !target.getPackageName().startsWith("dev.brownout." + module)))
                    .because(module + " sits below the library and depends on nothing of ours")
                    .check(OURS);
        }
    }

    @Test
    void theCommandLineIsBuiltOnThePublicApiAlone() {
        noClasses().that().resideInAPackage("dev.brownout.cli..")
                .should().dependOnClassesThat().resideInAPackage(INTERNAL)
                .because("the CLI is the public API's first user")
                .check(OURS);
    }

    @Test
    void theExtensionAndTheAssertionsAreBuiltOnThePublicApiAlone() {
        for (String module : List.of("junit", "assertj", "gatling")) {
            noClasses().that().resideInAPackage("dev.brownout." + module + "..")
                    .should().dependOnClassesThat(DescribedPredicate.describe("internal classes of another module",
                            (JavaClass target) -> isInternal(target)
                                    && !target.getPackageName().startsWith("dev.brownout." + module)))
                    .because("like the CLI, they are users of the public API")
                    .check(OURS);
        }
    }

    @Test
    void nothingDependsOnTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("dev.brownout.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.brownout.cli..")
                .check(OURS);
    }

    private static boolean isInternal(JavaClass type) {
        return type.getPackageName().contains(".internal");
    }

    private static ArchCondition<JavaCodeUnit> exposeNoInternalType() {
        return new ArchCondition<>("name no internal type as a parameter or return type") {
            @Override
            public void check(JavaCodeUnit unit, ConditionEvents events) {
                Stream.concat(Stream.of(unit.getRawReturnType()), unit.getRawParameterTypes().stream())
                        .filter(ArchitectureTest::isInternal)
                        .forEach(type -> events.add(SimpleConditionEvent.violated(unit,
                                unit.getFullName() + " exposes the internal type " + type.getName())));
            }
        };
    }
}
