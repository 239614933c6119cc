package dev.berth.runner.project;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouteTemplateTest {

    @ParameterizedTest(name = "{0} ~ {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            // template                          | path                       | params (k=v;…), NONE = no match
            "hello                               | hello                      | ''",
            "hello                               | HELLO/                     | ''",
            "hello                               | /hello                     | ''",
            "hello                               | hello/x                    | NONE",
            "hello                               | hell                       | NONE",
            "hello/{name}                        | hello/Ada                  | name=Ada",
            "hello/{name}                        | hello                      | NONE",
            "hello/{name}                        | hello/Ada/x                | NONE",
            "hello/{name?}                       | hello                      | ''",
            "hello/{name?}                       | hello/                     | ''",
            "hello/{name?}                       | hello/Grace                | name=Grace",
            "hello/{name=world}                  | hello                      | name=world",
            "hello/{name=world}                  | hello/you                  | name=you",
            "hello/{name}                        | hello/J%C3%BCrgen%20K      | name=Jürgen K",
            "hello/{name}                        | hello/a+b                  | name=a+b",
            "hello/{name}                        | hello/a%2Fb                | name=a/b",
            "hello/{name}                        | hello/%zz                  | NONE",
            "items/{id:int}                      | items/42                   | id=42",
            "items/{id:int}                      | items/-7                   | id=-7",
            "items/{id:int}                      | items/4x                   | NONE",
            "items/{id:int}                      | items/3000000000           | NONE",
            "items/{id:long}                     | items/3000000000           | id=3000000000",
            "items/{id:int?}                     | items                      | ''",
            "items/{id:int:min(1)}               | items/0                    | NONE",
            "items/{id:int:min(1)}               | items/1                    | id=1",
            "items/{id:range(1,10)}              | items/11                   | NONE",
            "p/{c:alpha}                         | p/Books                    | c=Books",
            "p/{c:alpha}                         | p/b00ks                    | NONE",
            "p/{c:minlength(3)}                  | p/ab                       | NONE",
            "p/{c:length(2,3)}                   | p/abc                      | c=abc",
            "g/{id:guid}                         | g/3F2504E0-4F89-11D3-9A0C-0305E82C3301 | id=3F2504E0-4F89-11D3-9A0C-0305E82C3301",
            "g/{id:guid}                         | g/not-a-guid               | NONE",
            "b/{flag:bool}                       | b/TRUE                     | flag=TRUE",
            "b/{flag:bool}                       | b/yes                      | NONE",
            "d/{x:double}                        | d/-1.5e3                   | x=-1.5e3",
            "d/{x:double}                        | d/1.2.3                    | NONE",
            "files/{*path}                       | files/a/b%20c/d.txt        | path=a/b c/d.txt",
            "files/{*path}                       | files                      | ''",
            "files/{**path}                      | files/x                    | path=x",
            "''                                  | ''                         | ''",
            "''                                  | x                          | NONE",
            "products/{category:alpha}/{id:int?} | products/toys/7            | category=toys;id=7",
            "products/{category:alpha}/{id:int?} | products/toys              | category=toys",
    })
    void match(String template, String path, String expected) {
        var result = RouteTemplate.parse(template).match(path);

        if (expected == null) {
            assertThat(result).isEmpty();
        } else {
            assertThat(result).contains(params(expected));
        }
    }

    @Test
    void match_returnsParametersInTemplateOrder() {
        var params = RouteTemplate.parse("{b}/{a}/{c}").match("1/2/3").orElseThrow();

        assertThat(params.keySet()).containsExactly("b", "a", "c");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "hello/{name          | unbalanced braces",
            "hello/name}          | unbalanced braces",
            "hello/{}             | without a name",
            "a/{x}/b/{X}          | uses the parameter name 'X' twice",
            "a//b                 | empty segment",
            "{name?}/tail         | must be the last segment",
            "{*rest}/tail         | must be the last segment",
            "files/{*rest?}       | is a catch-all",
            "file.{ext}           | mixes text and parameters",
            "{a}{b}               | mixes text and parameters",
            "x/{id:regex(^\\d+$)} | does not support",
            "x/{id:datetime}      | does not support",
            "x/{id:minlength(a)}  | does not support",
            "x/{na me}            | contains ' '",
            "x/{a?=1}             | cannot be optional and have a default",
            "hello?x=1            | query string",
    })
    void parse_invalidTemplate_throwsWithAReadableMessage(String template, String expected) {
        assertThatThrownBy(() -> RouteTemplate.parse(template))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("route '" + template + "'")
                .hasMessageContaining(expected);
    }

    @Test
    void shape_ignoresNamesAndLiteralCase() {
        assertThat(RouteTemplate.parse("Hello/{name}").shape()).isEqualTo(RouteTemplate.parse("hello/{who}/").shape());
        assertThat(RouteTemplate.parse("hello/{id:int}").shape()).isNotEqualTo(RouteTemplate.parse("hello/{id}").shape());
        assertThat(RouteTemplate.parse("p/{c:alpha}/{id:int?}").shape()).isEqualTo("p/{:alpha}/{:int?}");
    }

    @Test
    void shapes_ofOptionalOrCatchAll_includeTheShorterPath() {
        assertThat(RouteTemplate.parse("hello/{name?}").shapes()).containsExactly("hello/{}", "hello");
        assertThat(RouteTemplate.parse("files/{*rest}").shapes()).containsExactly("files/{*}", "files");
        assertThat(RouteTemplate.parse("hello").shapes()).containsExactly("hello");
    }

    @Test
    void mostSpecificFirst_ordersLiteralsBeforeConstraintsBeforeParametersBeforeCatchAll() {
        var routes = java.util.stream.Stream.of("items/{*rest}", "items/{id?}", "items/{id}", "items/{id:int}",
                        "items/new", "items")
                .map(RouteTemplate::parse).sorted(RouteTemplate.mostSpecificFirst()).map(RouteTemplate::text).toList();

        assertThat(routes).containsExactly("items/new", "items/{id:int}", "items/{id}", "items/{id?}", "items/{*rest}",
                "items");
    }

    @Test
    void text_isTheTemplateWithoutSurroundingSlashes() {
        var template = RouteTemplate.parse("/hello/{name}/");

        assertThat(template.text()).isEqualTo("hello/{name}");
        assertThat(template.parameterNames()).containsExactly("name");
    }

    private static Map<String, String> params(String spec) {
        var map = new java.util.LinkedHashMap<String, String>();
        if (spec.isEmpty()) return map;
        for (var pair : spec.split(";")) {
            var kv = pair.split("=", 2);
            map.put(kv[0], kv[1]);
        }
        return map;
    }
}
