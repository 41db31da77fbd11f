using System.Globalization;
using System.Linq.Expressions;

namespace Infocentre.Reports.Compilation;

/// <summary>
/// Arithmetic over a report's measures ("MontantEngage - MontantBascule", "MontantPaye / Ae * 100"): + - * /,
/// parentheses, decimal literals, measure names and max(a, b) / min(a, b). Computed in SQL on the aggregated values; a division by zero
/// gives null (empty cell) rather than an error.
/// </summary>
internal sealed class MeasureFormula
{
    private readonly string _text;
    private int _position;

    private MeasureFormula(string text) => _text = text;

    /// <summary>Names of the measures the formula uses, in order of appearance.</summary>
    public static IReadOnlyList<string> References(string text)
    {
        var names = new List<string>();
        Compile(text, name =>
        {
            names.Add(name);
            return Expression.Constant(0m);
        });
        return names;
    }

    /// <summary>
    /// True when the formula only adds and subtracts measures ("DebitN - CreditN"): its total over a report's rows
    /// is then the formula over the totals. Constants, products, quotients and max/min break that.
    /// </summary>
    public static bool IsSumOfMeasures(string text)
    {
        static bool Additive(Expression e) => e switch
        {
            ParameterExpression => true,
            BinaryExpression { NodeType: ExpressionType.Add or ExpressionType.Subtract } b => Additive(b.Left) && Additive(b.Right),
            UnaryExpression { NodeType: ExpressionType.Negate or ExpressionType.Convert } u => Additive(u.Operand),
            _ => false,
        };

        return Additive(Compile(text, _ => Expression.Parameter(typeof(decimal?))));
    }

    /// <summary>Builds the expression; <paramref name="measure"/> resolves a measure name to its (decimal) expression.</summary>
    public static Expression Compile(string text, Func<string, Expression> measure)
    {
        var formula = new MeasureFormula(text);
        var result = formula.ParseExpression(name => ToNullableDecimal(measure(name)));
        formula.SkipSpaces();
        if (formula._position < text.Length)
        {
            throw new FormatException($"unexpected '{text[formula._position]}' at position {formula._position + 1}");
        }

        return ToNullableDecimal(result);
    }

    private Expression ParseExpression(Func<string, Expression> measure)
    {
        var left = ParseTerm(measure);
        while (TryConsume('+') is var plus && plus || TryConsume('-'))
        {
            var right = ParseTerm(measure);
            left = plus ? Expression.Add(ToNullableDecimal(left), ToNullableDecimal(right)) : Expression.Subtract(ToNullableDecimal(left), ToNullableDecimal(right));
        }

        return left;
    }

    private Expression ParseTerm(Func<string, Expression> measure)
    {
        var left = ParseFactor(measure);
        while (TryConsume('*') is var times && times || TryConsume('/'))
        {
            var right = ParseFactor(measure);
            left = times ? Expression.Multiply(ToNullableDecimal(left), ToNullableDecimal(right)) : SafeDivide(left, right);
        }

        return left;
    }

    private Expression ParseFactor(Func<string, Expression> measure)
    {
        SkipSpaces();
        if (TryConsume('('))
        {
            var inner = ParseExpression(measure);
            Expect(')');
            return inner;
        }

        if (TryConsume('-'))
        {
            return Expression.Negate(ToNullableDecimal(ParseFactor(measure)));
        }

        var start = _position;
        if (_position < _text.Length && (char.IsAsciiDigit(_text[_position]) || _text[_position] == '.'))
        {
            while (_position < _text.Length && (char.IsAsciiDigit(_text[_position]) || _text[_position] == '.'))
            {
                _position++;
            }

            return decimal.TryParse(_text[start.._position], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                ? Expression.Constant(number, typeof(decimal?))
                : throw new FormatException($"'{_text[start.._position]}' is not a decimal number");
        }

        while (_position < _text.Length && (char.IsAsciiLetterOrDigit(_text[_position]) || _text[_position] == '_'))
        {
            _position++;
        }

        if (start == _position)
        {
            throw new FormatException(_position < _text.Length
                ? $"unexpected '{_text[_position]}' at position {_position + 1}"
                : "the formula ends where a measure name or number was expected");
        }

        var name = _text[start.._position];
        return name is "max" or "min" && TryConsume('(') ? ParseMinMax(name == "max", measure) : measure(name);
    }

    /// <summary>
    /// max(a, b) or min(a, b): the larger or smaller of two values, as a CASE in SQL. Accountants show a solde on
    /// one side only: solde débiteur = max(débit − crédit, 0), solde créditeur = max(crédit − débit, 0).
    /// </summary>
    private ConditionalExpression ParseMinMax(bool max, Func<string, Expression> measure)
    {
        var left = ToNullableDecimal(ParseExpression(measure));
        Expect(',');
        var right = ToNullableDecimal(ParseExpression(measure));
        Expect(')');
        var pick = max ? Expression.GreaterThanOrEqual(left, right) : Expression.LessThanOrEqual(left, right);
        return Expression.Condition(pick, left, right);
    }

    /// <summary>x / y, or null when y is zero. "y &gt; 0 or y &lt; 0" rather than "y = 0": SQLite compares decimals as text.</summary>
    internal static ConditionalExpression SafeDivide(Expression numerator, Expression denominator)
    {
        var den = ToNullableDecimal(denominator);
        var zero = Expression.Constant(0m, typeof(decimal?));
        var nonZero = Expression.OrElse(Expression.GreaterThan(den, zero), Expression.LessThan(den, zero));
        return Expression.Condition(nonZero, Expression.Divide(ToNullableDecimal(numerator), den), Expression.Constant(null, typeof(decimal?)));
    }

    private static Expression ToNullableDecimal(Expression e) =>
        e.Type == typeof(decimal?) ? e : Expression.Convert(e, typeof(decimal?));

    private void SkipSpaces()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private bool TryConsume(char c)
    {
        SkipSpaces();
        if (_position < _text.Length && _text[_position] == c)
        {
            _position++;
            return true;
        }

        return false;
    }

    private void Expect(char c)
    {
        if (!TryConsume(c))
        {
            throw new FormatException($"'{c}' expected at position {_position + 1}");
        }
    }
}
