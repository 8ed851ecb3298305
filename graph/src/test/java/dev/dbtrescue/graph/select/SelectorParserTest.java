// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SelectorParserTest {

    private final SelectorParser parser = new SelectorParser();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            orders                     | fqn           | -           | orders              | -1         | -1         | false
            +orders                    | fqn           | -           | orders              | 2147483647 | -1         | false
            orders+                    | fqn           | -           | orders              | -1         | 2147483647 | false
            2+orders+1                 | fqn           | -           | orders              | 2          | 1          | false
            0+orders                   | fqn           | -           | orders              | 0          | -1         | false
            @orders                    | fqn           | -           | orders              | -1         | -1         | true
            tag:nightly+               | tag           | -           | nightly             | -1         | 2147483647 | false
            tag:a:b                    | tag           | -           | a:b                 | -1         | -1         | false
            config.materialized:table  | config        | materialized | table              | -1         | -1         | false
            config.meta.owner:ann      | config        | meta.owner  | ann                 | -1         | -1         | false
            models/staging             | path          | -           | models/staging      | -1         | -1         | false
            orders.sql                 | file          | -           | orders.sql          | -1         | -1         | false
            seeds/x.CSV                | path          | -           | seeds/x.CSV         | -1         | -1         | false
            x.CSV                      | file          | -           | x.CSV               | -1         | -1         | false
            orders.yml                 | fqn           | -           | orders.yml          | -1         | -1         | false
            source:raw.orders+         | source        | -           | raw.orders          | -1         | 2147483647 | false
            resource_type:unit_test    | resource_type | -           | unit_test           | -1         | -1         | false
            test_type:sing             | test_type     | -           | sing                | -1         | -1         | false
            """)
    void parsesOneCriterionAsDbtDoes(
            String text, String method, String args, String value, int parents, int children, boolean at)
            throws SelectorSyntaxException {
        Selector.Criterion c = parser.criterion(text, IndirectSelection.EAGER);
        assertEquals(method, c.method());
        assertEquals(args == null ? List.of() : List.of(args.split("\\.")), c.arguments());
        assertEquals(value, c.value());
        assertEquals(parents, c.parentsDepth());
        assertEquals(children, c.childrenDepth());
        assertEquals(at, c.childrensParents());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            tagg:nightly          | unknown method 'tagg' at column 1 — did you mean 'tag'?
            +sorce:raw            | unknown method 'sorce' at column 2 — did you mean 'source'?
            xyzzy:1               | unknown method 'xyzzy' at column 1
            @orders+              | the '@' prefix and a '+' suffix are incompatible in '@orders+' at column 8 — did you mean '@orders'?
            resource_type:modle   | 'modle' is not a valid resource_type at column 15 — did you mean 'model'?
            test_type:gen         | 'gen' is not a valid test_type (generic, singular, data or unit) at column 11
            version:newest        | 'newest' is not a valid version selector (latest, prerelease, old or none) at column 9
            state:modifed         | 'modifed' is not a valid state selector at column 7 — did you mean 'modified'?
            source:a.b.c.d        | source selector 'a.b.c.d' has more than 3 parts (package.source.table) at column 8
            exposure:a.b.c        | exposure selector 'a.b.c' has more than 2 parts (package.name) at column 10
            """)
    void rejectsWhatDbtRejectsWithPositionAndSuggestion(String text, String message) {
        var e = assertThrows(SelectorSyntaxException.class, () -> parser.criterion(text, IndirectSelection.EAGER));
        assertEquals(message, e.getMessage());
    }

    @Test
    void spacesMakeAUnionAndCommasAnIntersection() throws SelectorSyntaxException {
        Selector s = parser.parse(List.of("a b,c"), List.of(), IndirectSelection.CAUTIOUS);
        Selector.Union union = (Selector.Union) s;
        assertEquals(2, union.members().size());
        Selector.Intersection second = (Selector.Intersection) union.members().get(1);
        assertEquals(
                List.of("b", "c"),
                second.members().stream()
                        .map(m -> ((Selector.Criterion) m).value())
                        .toList());
        assertEquals(Optional.of("b,c"), second.warnIfEmpty());
        assertEquals(Optional.of(IndirectSelection.CAUTIOUS), second.promotion());
    }

    @Test
    void doubledSpacesGiveAnEmptyTokenAsInDbt() throws SelectorSyntaxException {
        Selector.Union union = (Selector.Union) parser.parse("a  b");
        assertEquals(3, union.members().size());
    }

    @Test
    void noSelectMeansDbtsDefault() throws SelectorSyntaxException {
        Selector.Union union = (Selector.Union) parser.parse(List.of(), List.of(), IndirectSelection.EAGER);
        assertEquals(
                List.of("fqn:*", "source:*", "exposure:*", "metric:*", "semantic_model:*"),
                union.members().stream()
                        .map(m -> ((Selector.Criterion)
                                        ((Selector.Intersection) m).members().get(0))
                                .text())
                        .toList());
        // dbt does not warn when a part of its own default matches nothing (e.g. no metrics)
        assertEquals(
                List.of(Optional.empty()),
                union.members().stream()
                        .map(m -> ((Selector.Intersection) m).warnIfEmpty())
                        .distinct()
                        .toList());
    }

    @Test
    void excludeMakesADifference() throws SelectorSyntaxException {
        Selector s = parser.parse(List.of("a"), List.of("b"), IndirectSelection.EAGER);
        assertEquals(Selector.Difference.class, s.getClass());
    }
}
