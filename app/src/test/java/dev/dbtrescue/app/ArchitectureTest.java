// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of house-style.md B.2, checked on the compiled classes of every module. */
@AnalyzeClasses(packages = "dev.dbtrescue", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule DOMAIN_AND_RUNNER_HAVE_NO_JAVAFX = noClasses()
            .that()
            .resideInAnyPackage("dev.dbtrescue.graph..", "dev.dbtrescue.runner..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..");

    @ArchTest
    static final ArchRule VIEW_MODELS_HAVE_NO_SCENE_GRAPH = noClasses()
            .that()
            .haveSimpleNameEndingWith("ViewModel")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx.scene..", "javafx.stage..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule VIEWS_CALL_NO_SERVICES = noClasses()
            .that()
            .haveSimpleNameEndingWith("View")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.dbtrescue.runner..",
                    "dev.dbtrescue.graph.plan..",
                    "dev.dbtrescue.graph.select..",
                    "dev.dbtrescue.graph.manifest..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule GRAPH_DOES_NOT_DEPEND_ON_RUNNER_OR_APP = noClasses()
            .that()
            .resideInAnyPackage("dev.dbtrescue.graph..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.dbtrescue.runner..", "dev.dbtrescue.app..");
}
