package dev.brownout.fakes.canary;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "What is 347 * 29 + 18?" — integers with {@code + - *} and parentheses. Difficulty d uses d + 1
 * operands. The fake evaluates the expression it finds, showing one line per operation.
 */
final class ArithmeticForm implements CanaryForm {

    private static final Pattern QUESTION = Pattern.compile("What is ([0-9+\\-*() ]+)\\?");
    private static final Pattern TOKEN = Pattern.compile("\\s*(\\d+|[-+*()])");
    private static final long[] NEAR_MISSES = {1, -1, 2, -2, 9, -9, 10, -10, 100, -100};

    @Override
    public String question(int difficulty, SplittableRandom random) {
        int operands = difficulty + 1;
        StringBuilder expression = new StringBuilder();
        boolean parenthesised = difficulty >= 3 && random.nextBoolean();
        if (parenthesised) {
            expression.append('(');
        }
        expression.append(random.nextInt(10, 10 * (int) Math.pow(10, Math.min(difficulty, 3))));
        for (int i = 1; i < operands; i++) {
            char op = "+-*".charAt(random.nextInt(3));
            expression.append(' ').append(op).append(' ');
            expression.append(op == '*' ? random.nextInt(2, 30) : random.nextInt(10, 1000));
            if (parenthesised && i == 1) {
                expression.append(')');
            }
        }
        return "What is " + expression + "?";
    }

    @Override
    public Optional<Solution> solve(String question) {
        Matcher matcher = QUESTION.matcher(question);
        if (!matcher.find()) {
            return Optional.empty();
        }
        try {
            Evaluation evaluation = new Evaluation(tokens(matcher.group(1)));
            long value = evaluation.expression();
            if (evaluation.position != evaluation.tokens.size()) {
                return Optional.empty();
            }
            return Optional.of(new Solution(evaluation.steps, Long.toString(value), null));
        } catch (IllegalArgumentException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    @Override
    public Solution wrong(String question, Solution right, SplittableRandom random) {
        long value = Long.parseLong(right.answer()) + NEAR_MISSES[random.nextInt(NEAR_MISSES.length)];
        List<String> working = new ArrayList<>(right.working());
        if (!working.isEmpty()) {
            String last = working.removeLast();
            working.add(last.substring(0, last.lastIndexOf('=') + 1) + " " + value);
        }
        return new Solution(working, Long.toString(value), null);
    }

    private static List<String> tokens(String expression) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(expression);
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            tokens.add(matcher.group(1));
            end = matcher.end();
        }
        if (!expression.substring(end).isBlank()) {
            throw new IllegalArgumentException("not an expression");
        }
        return tokens;
    }

    /** Recursive descent with the usual precedence; records each operation as a line of working. */
    private static final class Evaluation {
        final List<String> tokens;
        final List<String> steps = new ArrayList<>();
        int position;

        Evaluation(List<String> tokens) {
            this.tokens = tokens;
        }

        long expression() {
            long value = term();
            while (peek("+") || peek("-")) {
                String op = tokens.get(position++);
                long right = term();
                long result = op.equals("+") ? Math.addExact(value, right) : Math.subtractExact(value, right);
                steps.add(value + " " + op + " " + right + " = " + result);
                value = result;
            }
            return value;
        }

        long term() {
            long value = factor();
            while (peek("*")) {
                position++;
                long right = factor();
                long result = Math.multiplyExact(value, right);
                steps.add(value + " * " + right + " = " + result);
                value = result;
            }
            return value;
        }

        long factor() {
            if (position >= tokens.size()) {
                throw new IllegalArgumentException("expression ends early");
            }
            String token = tokens.get(position++);
            if (token.equals("(")) {
                long value = expression();
                if (!peek(")")) {
                    throw new IllegalArgumentException("unbalanced parenthesis");
                }
                position++;
                return value;
            }
            if (!Character.isDigit(token.charAt(0))) {
                throw new IllegalArgumentException("number expected");
            }
            return Long.parseLong(token);
        }

        boolean peek(String token) {
            return position < tokens.size() && tokens.get(position).equals(token);
        }
    }
}
