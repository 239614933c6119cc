package dev.berth.editor.lex;

import java.util.Set;

/// Java: keywords (contextual ones like `record`, `var`, `sealed` included), strings with escapes,
/// text blocks, char literals, comments, numbers, annotations, punctuation. Stateless; any thread.
public final class JavaLexer extends ScanningLexer {
    private static final Set<String> KEYWORDS = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
            "continue", "default", "do", "double", "else", "enum", "exports", "extends", "final", "finally",
            "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long",
            "module", "native", "new", "non-sealed", "open", "opens", "package", "permits", "private",
            "protected", "provides", "public", "record", "requires", "return", "sealed", "short", "static",
            "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "to", "transient",
            "transitive", "try", "uses", "var", "void", "volatile", "when", "while", "with", "yield");
    private static final Set<String> LITERALS = Set.of("true", "false", "null");
    public JavaLexer() { super("{}()[];,."); }

    @Override
    TokenType scan(Cursor c) {
        char ch = c.peek();
        if (c.startsWith("//")) {
            c.toLineEnd();
            return TokenType.COMMENT;
        }
        if (c.startsWith("/*")) {
            c.advance(2);
            c.skipPast("*/", false);
            return TokenType.COMMENT;
        }
        if (c.startsWith("\"\"\"")) {
            c.advance(3);
            c.skipPast("\"\"\"", true);
            return TokenType.STRING;
        }
        if (ch == '"' || ch == '\'') {
            c.advance(1);
            c.skipQuoted(ch, false);
            return TokenType.STRING;
        }
        if (ch == '@' && Character.isJavaIdentifierStart(c.peek(1))) return annotation(c);
        if (Character.isDigit(ch) || (ch == '.' && Character.isDigit(c.peek(1)))) {
            c.skipNumber();
            return TokenType.NUMBER;
        }
        if (Character.isJavaIdentifierStart(ch)) return word(c);
        return punctuationOrPlain(c);
    }

    private static TokenType annotation(Cursor c) {
        int start = c.pos();
        c.advance(1);
        c.skipWhile(Character::isJavaIdentifierPart);
        if (c.slice(start).equals("@interface")) return TokenType.KEYWORD;
        // Qualified annotations such as @java.lang.Override are one token.
        while (c.peek() == '.' && Character.isJavaIdentifierStart(c.peek(1))) {
            c.advance(1);
            c.skipWhile(Character::isJavaIdentifierPart);
        }
        return TokenType.ANNOTATION;
    }

    private static TokenType word(Cursor c) {
        int start = c.pos();
        c.skipWhile(Character::isJavaIdentifierPart);
        String word = c.slice(start);
        if (word.equals("non") && c.startsWith("-sealed")) {
            c.advance("-sealed".length());
            return TokenType.KEYWORD;
        }
        if (LITERALS.contains(word)) return TokenType.LITERAL;
        return KEYWORDS.contains(word) ? TokenType.KEYWORD : null;
    }
}
