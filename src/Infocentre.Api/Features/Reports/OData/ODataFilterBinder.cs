using System.Globalization;
using System.Linq.Expressions;
using Microsoft.AspNetCore.OData.Query.Expressions;
using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace Infocentre.Api.Features.Reports.OData;

/// <summary>
/// The library's filter binder (used by $filter and by $apply=filter(...)) with two defects of
/// AspNetCore.OData 9.5.0 fixed through its documented extension point, <see cref="IFilterBinder"/>:
/// <list type="bullet">
/// <item>a comparison between an aggregated or computed value and a literal converted the aggregate to the
/// literal's type: <c>Cp gt 1</c> became <c>CAST(SUM(...) AS INTEGER) &gt; 1</c> (PostgreSQL: "integer out of
/// range" past 2^31; SQLite: silent truncation), <c>Cp gt 1.5</c> a cast to REAL. Here the comparison (and
/// any arithmetic) happens in the aggregate's own type: the literal is converted, from its exact text, to decimal.</item>
/// <item>comparisons of DateOnly columns with a date became <c>year*10000+month*100+day &gt;= ...</c>, which
/// no index can serve (upstream #1473/#1527). Here they are plain <c>column &gt;= @p</c>.</item>
/// </list>
/// Everything else is left to the base binders: the report engine's (a comparison with an untyped null is unknown,
/// not a failure), then the library's.
/// </summary>
internal sealed class ODataFilterBinder : Infocentre.Reports.Compilation.ReportFilterBinder
{
    public override Expression BindBinaryOperatorNode(BinaryOperatorNode binaryOperatorNode, QueryBinderContext context)
    {
        ArgumentNullException.ThrowIfNull(binaryOperatorNode);
        ArgumentNullException.ThrowIfNull(context);
        var kind = binaryOperatorNode.OperatorKind;
        if (IsComparison(kind) && TryBindDateComparison(binaryOperatorNode, context) is { } dateComparison)
        {
            return dateComparison;
        }

        if ((IsComparison(kind) || IsArithmetic(kind))
            && (ContainsAggregatedValue(binaryOperatorNode.Left) || ContainsAggregatedValue(binaryOperatorNode.Right)))
        {
            return BindAggregateOperation(binaryOperatorNode, context);
        }

        return base.BindBinaryOperatorNode(binaryOperatorNode, context);
    }

    /// <summary>
    /// <c>X in (...)</c> with the same two fixes: an aggregate keeps its type, a DateOnly column is compared with
    /// DateOnly values (the library failed on both).
    /// </summary>
    public override Expression BindInNode(InNode inNode, QueryBinderContext context)
    {
        ArgumentNullException.ThrowIfNull(inNode);
        ArgumentNullException.ThrowIfNull(context);
        var aggregated = inNode.Left is SingleValueOpenPropertyAccessNode || ContainsAggregatedValue(inNode.Left);
        var date = IsDate(StripConversions(inNode.Left).TypeReference);
        if ((!aggregated && !date) || inNode.Right is not CollectionConstantNode constants)
        {
            return base.BindInNode(inNode, context);
        }

        var left = aggregated ? BindNumericOperand(inNode.Left, context) : BindDateOperand(StripConversions(inNode.Left), context);
        if (left is null || (aggregated && !IsNumeric(left.Type)) || (date && Underlying(left.Type) != typeof(DateOnly)))
        {
            return base.BindInNode(inNode, context);
        }

        var itemType = Underlying(left.Type);
        var items = constants.Collection.Select(c => c.Value is null ? null : date ? (object)ToDateOnly(c) : ConvertLiteral(c, itemType)).ToList();
        if (items.Contains(null))
        {
            left = ToNullable(left);
        }

        var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(left.Type))!;
        foreach (var item in items)
        {
            list.Add(item);
        }

        return Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [left.Type], Parameter(list, list.GetType(), context), left);
    }

    // ---- Aggregated values ----------------------------------------------------------------------------------

    /// <summary>
    /// Whether the operand involves a dynamic property (an aggregate or compute alias) that the parser converted
    /// to a numeric type it guessed from the other operand.
    /// </summary>
    private static bool ContainsAggregatedValue(QueryNode node) => node switch
    {
        ConvertNode { Source: SingleValueOpenPropertyAccessNode } convert => IsNumeric(convert.TypeReference),
        ConvertNode convert => IsNumeric(convert.TypeReference) && ContainsAggregatedValue(convert.Source),
        BinaryOperatorNode binary => IsArithmetic(binary.OperatorKind) && (ContainsAggregatedValue(binary.Left) || ContainsAggregatedValue(binary.Right)),
        UnaryOperatorNode { OperatorKind: UnaryOperatorKind.Negate } unary => ContainsAggregatedValue(unary.Operand),
        _ => false,
    };

    private BinaryExpression BindAggregateOperation(BinaryOperatorNode node, QueryBinderContext context)
    {
        if (IsNullConstant(node.Left) || IsNullConstant(node.Right))
        {
            var operand = ToNullable(BindNumericOperand(IsNullConstant(node.Left) ? node.Right : node.Left, context));
            var nullValue = Expression.Constant(null, operand.Type);
            return IsNullConstant(node.Left)
                ? Expression.MakeBinary(ExpressionTypeOf(node.OperatorKind), nullValue, operand)
                : Expression.MakeBinary(ExpressionTypeOf(node.OperatorKind), operand, nullValue);
        }

        var left = BindNumericOperand(node.Left, context);
        var right = BindNumericOperand(node.Right, context);
        if (!IsNumeric(left.Type) || !IsNumeric(right.Type))
        {
            throw new ODataException($"The operator '{node.OperatorKind}' needs two numbers here.");
        }

        var target = Promote(Underlying(left.Type), Underlying(right.Type));
        left = Coerce(node.Left, left, target, context);
        right = Coerce(node.Right, right, target, context);
        if (left.Type != right.Type)
        {
            left = ToNullable(left);
            right = ToNullable(right);
        }

        return Expression.MakeBinary(ExpressionTypeOf(node.OperatorKind), left, right);
    }

    /// <summary>Binds an operand, dropping the numeric conversion the parser put around an aggregated value.</summary>
    private Expression BindNumericOperand(SingleValueNode node, QueryBinderContext context)
    {
        if (node is ConvertNode convert && IsNumeric(convert.TypeReference)
            && (convert.Source is SingleValueOpenPropertyAccessNode || ContainsAggregatedValue(convert.Source)))
        {
            var source = Bind(convert.Source, context);
            return IsNumeric(source.Type) ? source : base.BindConvertNode(convert, context);
        }

        if (node is UnaryOperatorNode { OperatorKind: UnaryOperatorKind.Negate } negate && ContainsAggregatedValue(negate.Operand))
        {
            return Expression.Negate(BindNumericOperand(negate.Operand, context));
        }

        return Bind(node, context);
    }

    /// <summary>Brings an operand to the target type: a literal is re-read from its text, anything else converted.</summary>
    private static Expression Coerce(SingleValueNode node, Expression bound, Type target, QueryBinderContext context)
    {
        if (Underlying(bound.Type) == target)
        {
            return bound;
        }

        if (StripConversions(node) is ConstantNode { Value: not null } constant)
        {
            return Parameter(ConvertLiteral(constant, target), target, context);
        }

        return Expression.Convert(bound, IsNullable(bound.Type) ? typeof(Nullable<>).MakeGenericType(target) : target);
    }

    private static object ConvertLiteral(ConstantNode constant, Type target)
    {
        var text = constant.LiteralText;
        if (constant.Value is double or float && !double.IsFinite(Convert.ToDouble(constant.Value, CultureInfo.InvariantCulture)))
        {
            throw new ODataException($"The literal '{text}' is not a finite number.");
        }

        try
        {
            if (target == typeof(decimal) && text is not null
                && decimal.TryParse(text.TrimEnd('m', 'M', 'd', 'D', 'f', 'F', 'l', 'L'), NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
            {
                return exact;
            }

            return Convert.ChangeType(constant.Value, target, CultureInfo.InvariantCulture)!;
        }
        catch (OverflowException)
        {
            throw new ODataException($"The literal '{text}' is out of range for the value it is compared with.");
        }
    }

    private static Type Promote(Type left, Type right) => Rank(left) >= Rank(right) ? Widen(left) : Widen(right);

    private static int Rank(Type type) => type == typeof(decimal) ? 5 : type == typeof(double) ? 4 : type == typeof(float) ? 3
        : type == typeof(long) || type == typeof(ulong) || type == typeof(uint) ? 2 : 1;

    private static Type Widen(Type type) => Rank(type) switch
    {
        5 => typeof(decimal),
        4 => typeof(double),
        3 => typeof(float),
        2 => typeof(long),
        _ => typeof(int),
    };

    // ---- DateOnly ---------------------------------------------------------------------------------------------

    /// <summary>
    /// A comparison between Edm.Date operands bound to DateOnly (columns, or literals turned into DateOnly
    /// parameters) as a plain comparison; null when the operands are something else (left to the library).
    /// </summary>
    private BinaryExpression? TryBindDateComparison(BinaryOperatorNode node, QueryBinderContext context)
    {
        var leftNode = StripConversions(node.Left);
        var rightNode = StripConversions(node.Right);
        if (IsDate(leftNode.TypeReference) && rightNode is ConstantNode { Value: DateTimeOffset or DateTime }
            || IsDate(rightNode.TypeReference) && leftNode is ConstantNode { Value: DateTimeOffset or DateTime })
        {
            throw new ODataException("Edm.Date properties are compared with dates such as 2024-06-01, not with date-times.");
        }

        if (!IsDate(leftNode.TypeReference) || !IsDate(rightNode.TypeReference))
        {
            return null;
        }

        var left = BindDateOperand(leftNode, context);
        var right = BindDateOperand(rightNode, context);
        if (left is null || right is null || Underlying(left.Type) != typeof(DateOnly) || Underlying(right.Type) != typeof(DateOnly))
        {
            return null;
        }

        if (left.Type != right.Type)
        {
            left = ToNullable(left);
            right = ToNullable(right);
        }

        return Expression.MakeBinary(ExpressionTypeOf(node.OperatorKind), left, right);
    }

    private Expression? BindDateOperand(SingleValueNode node, QueryBinderContext context) => node switch
    {
        ConstantNode { Value: Date or DateOnly } constant => Parameter(ToDateOnly(constant), typeof(DateOnly), context),
        ConstantNode => null,
        SingleValuePropertyAccessNode => Bind(node, context),
        _ => null,
    };

    private static DateOnly ToDateOnly(ConstantNode constant) => constant.Value switch
    {
        Date date => new DateOnly(date.Year, date.Month, date.Day),
        DateOnly date => date,
        _ => throw new ODataException($"'{constant.LiteralText}' is not a date such as 2024-06-01."),
    };

    // ---- Helpers ------------------------------------------------------------------------------------------------

    /// <summary>A value the database sees as a parameter (@p), as the library does for its own literals.</summary>
    private static Expression Parameter(object value, Type type, QueryBinderContext context)
    {
        if (!context.QuerySettings.EnableConstantParameterization)
        {
            return Expression.Constant(value, type);
        }

        var holder = Activator.CreateInstance(typeof(ParameterValue<>).MakeGenericType(type), value)!;
        return Expression.Property(Expression.Constant(holder), nameof(ParameterValue<int>.Value));
    }

    private static SingleValueNode StripConversions(SingleValueNode node)
    {
        while (node is ConvertNode convert)
        {
            node = convert.Source;
        }

        return node;
    }

    private static bool IsNullConstant(SingleValueNode node) => StripConversions(node) is ConstantNode { Value: null };

    private static bool IsDate(IEdmTypeReference? type) => type is not null && type.IsDate();

    private static bool IsNumeric(IEdmTypeReference? type) =>
        type is not null && type.IsPrimitive() && (type.IsDecimal() || type.IsFloating() || type.IsIntegral());

    private static bool IsNumeric(Type type)
    {
        var t = Underlying(type);
        return t == typeof(decimal) || t == typeof(double) || t == typeof(float) || t == typeof(long) || t == typeof(int)
            || t == typeof(short) || t == typeof(byte) || t == typeof(sbyte) || t == typeof(ushort) || t == typeof(uint) || t == typeof(ulong);
    }

    private static Type Underlying(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    private static bool IsNullable(Type type) => Nullable.GetUnderlyingType(type) is not null;

    private static Expression ToNullable(Expression expression) =>
        !expression.Type.IsValueType || IsNullable(expression.Type)
            ? expression
            : Expression.Convert(expression, typeof(Nullable<>).MakeGenericType(expression.Type));

    private static bool IsComparison(BinaryOperatorKind kind) => kind is BinaryOperatorKind.Equal or BinaryOperatorKind.NotEqual
        or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual;

    private static bool IsArithmetic(BinaryOperatorKind kind) => kind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract
        or BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide or BinaryOperatorKind.Modulo;

    private static ExpressionType ExpressionTypeOf(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.Equal => ExpressionType.Equal,
        BinaryOperatorKind.NotEqual => ExpressionType.NotEqual,
        BinaryOperatorKind.GreaterThan => ExpressionType.GreaterThan,
        BinaryOperatorKind.GreaterThanOrEqual => ExpressionType.GreaterThanOrEqual,
        BinaryOperatorKind.LessThan => ExpressionType.LessThan,
        BinaryOperatorKind.LessThanOrEqual => ExpressionType.LessThanOrEqual,
        BinaryOperatorKind.Add => ExpressionType.Add,
        BinaryOperatorKind.Subtract => ExpressionType.Subtract,
        BinaryOperatorKind.Multiply => ExpressionType.Multiply,
        BinaryOperatorKind.Divide => ExpressionType.Divide,
        BinaryOperatorKind.Modulo => ExpressionType.Modulo,
        _ => throw new ODataException($"The operator '{kind}' is not supported here."),
    };

    /// <summary>Holds a literal so that EF Core sends it as a parameter rather than inlining it in the SQL.</summary>
    private sealed class ParameterValue<T>(T value)
    {
        public T Value { get; } = value;
    }
}
