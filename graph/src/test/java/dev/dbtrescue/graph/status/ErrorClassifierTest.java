// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtrescue.graph.NodeType;
import dev.dbtrescue.graph.manifest.RunStatus;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorClassifierTest {

    @ParameterizedTest(name = "{0} {1} ''{2}'' is {3}")
    @CsvSource(delimiter = '|', textBlock = """
            model  | error         | Database Error in model orders (models/orders.sql)\\n  Binder Error: column x not found | DATABASE
            model  | error         | \\033[31mDatabase Error\\033[0m in model orders (models/orders.sql)               | DATABASE
            model  | error         | [ERROR]: Database Error in model orders (models/orders.sql)                           | DATABASE
            model  | error         | Compilation Error in model orders (models/orders.sql)\\n  'foo' is undefined         | COMPILATION
            model  | error         | Parsing Error\\n  Invalid test config                                                | COMPILATION
            model  | error         | Compilation Error\\n  Model 'model.shop.a' (models/a.sql) depends on a node named 'b' which was not found | DEPENDENCY
            model  | error         | Compilation Error in model.shop.a, caused by compilation error in referenced ephemeral model model.shop.e | DEPENDENCY
            model  | error         | Couldn't find model 'model.shop.a' -- does it exist or is it disabled?                | DEPENDENCY
            model  | error         | Runtime Error in model orders (models/orders.sql)\\n  Too many retries               | RUNTIME
            model  | error         | Runtime Error in model o (models/o.sql)\\n  Binder Error: Values list "p" does not have a column named "x" | DATABASE
            model  | error         | Runtime Error in model o (models/o.sql)\\n  Catalog Error: Table with name raw does not exist! | DATABASE
            model  | error         | Runtime Error in model o (models/o.sql)\\n  Dependency Error: Cannot drop entry      | RUNTIME
            model  | error         | Runtime Error in model o (models/o.sql)\\n  relation "analytics.stg" does not exist | DATABASE
            model  | error         | Exception on worker thread. Connection reset                                          | RUNTIME
            model  | error         |                                                                                       | RUNTIME
            test   | fail          | Got 3 results, configured to fail if != 0                                             | TEST
            test   | warn          | Got 1 result, configured to warn if != 0                                              | TEST
            test   | error         | Database Error in test not_null_orders_id (models/schema.yml)                         | DATABASE
            unit_test | fail       | actual differs from expected                                                          | TEST
            source | runtime error | Runtime Error in source orders (models/sources.yml)\\n  relation not found           | FRESHNESS
            source | runtime error | Database Error in source orders (models/sources.yml)                                  | DATABASE
            """)
    void classifiesByStatusAndFirstLine(String type, String status, String message, ErrorClass expected) {
        Optional<String> text = Optional.ofNullable(message).map(m -> m.translateEscapes());
        assertEquals(expected, ErrorClassifier.classify(NodeType.fromDbt(type), RunStatus.fromDbt(status), text));
    }

    @ParameterizedTest(name = "first line of ''{0}''")
    @CsvSource(delimiter = '|', textBlock = """
            \\n\\n  Database Error in model a (a.sql)\\n  details          | Database Error in model a (a.sql)
            \\033[33m[WARNING]:\\033[0m Got 1 result, configured to warn | Got 1 result, configured to warn
            Encountered an error:\\nRuntime Error\\n  boom                | Runtime Error
            """)
    void firstLineSkipsBlankLinesColoursAndPrefixes(String message, String expected) {
        assertEquals(expected, ErrorClassifier.firstLine(message.translateEscapes()));
    }
}
