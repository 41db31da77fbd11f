using Microsoft.AspNetCore.OData.Query;
using Microsoft.AspNetCore.OData.Query.Validator;
using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;
using Microsoft.OData.UriParser.Aggregation;

namespace Infocentre.Api.Features.Reports.OData;

/// <summary>
/// The library's $filter validator, stricter: a closed list of functions (the library lets through any function
/// missing from its own enumeration; a function outside the list is a 400, as the library answers for the functions
/// it knows), no NaN/INF literals, no division by a literal zero. Also used for the
/// expressions of $apply and $compute, which the library does not validate at all in 9.5.0.
/// </summary>
internal sealed class ReportFilterQueryValidator : FilterQueryValidator
{
    /// <summary>Validates one expression of $apply or $compute, counting its nodes in the shared context.</summary>
    public void ValidateExpression(QueryNode node, FilterValidatorContext context) => ValidateQueryNode(node, context);

    protected override void ValidateSingleValueFunctionCallNode(SingleValueFunctionCallNode node, FilterValidatorContext validatorContext)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (!ODataFunctions.IsSupported(node.Name))
        {
            throw new ODataException($"The function '{node.Name}' is not allowed. Allowed functions: {string.Join(", ", ODataFunctions.Names)}.");
        }

        base.ValidateSingleValueFunctionCallNode(node, validatorContext);
    }

    protected override void ValidateSingleResourceFunctionCallNode(SingleResourceFunctionCallNode node, FilterValidatorContext validatorContext)
    {
        ArgumentNullException.ThrowIfNull(node);
        throw new ODataException($"The function '{node.Name}' is not allowed.");
    }

    protected override void ValidateConstantNode(ConstantNode constantNode, FilterValidatorContext validatorContext)
    {
        ArgumentNullException.ThrowIfNull(constantNode);
        if (constantNode.Value is double d && !double.IsFinite(d) || constantNode.Value is float f && !float.IsFinite(f))
        {
            throw new ODataException($"The literal '{constantNode.LiteralText}' is not a finite number.");
        }

        base.ValidateConstantNode(constantNode, validatorContext);
    }

    protected override void ValidateArithmeticOperator(BinaryOperatorNode binaryNode, FilterValidatorContext validatorContext)
    {
        ArgumentNullException.ThrowIfNull(binaryNode);
        if (binaryNode.OperatorKind is BinaryOperatorKind.Divide or BinaryOperatorKind.Modulo && IsZero(binaryNode.Right))
        {
            throw new ODataException("Division by zero.");
        }

        base.ValidateArithmeticOperator(binaryNode, validatorContext);
    }

    private static bool IsZero(SingleValueNode node)
    {
        while (node is ConvertNode convert)
        {
            node = convert.Source;
        }

        return node is ConstantNode { Value: not null } constant && constant.Value switch
        {
            decimal m => m == 0,
            double d => d == 0,
            float f => f == 0,
            long l => l == 0,
            int i => i == 0,
            short s => s == 0,
            byte b => b == 0,
            sbyte sb => sb == 0,
            _ => false,
        };
    }
}

/// <summary>
/// Validation of a whole request: the library's checks, then what it does not check in 9.5.0: the expressions
/// of $apply (node count shared with nothing else but bounded by MaxNodeCount, functions, literals), alias clashes
/// (a duplicate alias or grouping property made the binder fail with a 500), unsupported transformations and
/// aggregation methods, and parameter aliases used as $orderby items.
/// </summary>
internal sealed class ReportQueryValidator(ReportFilterQueryValidator expressions) : ODataQueryValidator
{
    public override void Validate(ODataQueryOptions options, ODataValidationSettings validationSettings)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(validationSettings);
        base.Validate(options, validationSettings);

        // The library binds an alias used as an $orderby item to null (ORDER BY NULL, or a translation failure).
        if (options.RawValues.OrderBy is { } rawOrderBy && ContainsAlias(rawOrderBy))
        {
            throw new ODataException("Parameter aliases (@name) are not supported in $orderby: write the property or expression itself.");
        }

        if (options.Compute?.ComputeClause is { } compute)
        {
            var context = NewContext(options, validationSettings);
            var names = StructuralNames(options.Context);
            foreach (var item in compute.ComputedItems)
            {
                expressions.ValidateExpression(item.Expression, context);
                AddName(names, item.Alias, "$compute");
            }
        }

        if (options.Apply?.ApplyClause is { } apply)
        {
            ValidateApply(apply, options, validationSettings);
        }
    }

    private void ValidateApply(ApplyClause apply, ODataQueryOptions options, ODataValidationSettings settings)
    {
        // One context for the whole $apply: MaxNodeCount bounds the sum of all its expressions.
        var context = NewContext(options, settings);
        var names = StructuralNames(options.Context);
        foreach (var transformation in apply.Transformations)
        {
            context.IncrementNodeCount();
            names = ValidateTransformation(transformation, context, names);
        }
    }

    /// <summary>Validates one transformation and returns the property names of its output.</summary>
    private HashSet<string> ValidateTransformation(TransformationNode transformation, FilterValidatorContext context, HashSet<string> names)
    {
        switch (transformation)
        {
            case FilterTransformationNode filter:
                expressions.ValidateExpression(filter.FilterClause.Expression, context);
                return names;

            case ComputeTransformationNode compute:
                foreach (var item in compute.Expressions)
                {
                    expressions.ValidateExpression(item.Expression, context);
                    AddName(names, item.Alias, "compute");
                }

                return names;

            case AggregateTransformationNode aggregate:
                var aggregated = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                ValidateAggregates(aggregate.AggregateExpressions, context, aggregated);
                return aggregated;

            case GroupByTransformationNode groupBy:
                var grouped = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var property in groupBy.GroupingProperties)
                {
                    ValidateGroupingProperty(property, context, grouped);
                }

                switch (groupBy.ChildTransformations)
                {
                    case null:
                        break;
                    case AggregateTransformationNode child:
                        ValidateAggregates(child.AggregateExpressions, context, grouped);
                        break;
                    default:
                        throw new UnsupportedQueryException($"groupby with a '{groupBy.ChildTransformations.Kind}' transformation is not supported: use aggregate.");
                }

                return grouped;

            default:
                throw new UnsupportedQueryException($"The $apply transformation '{transformation.Kind}' is not supported. Supported: aggregate, groupby, filter, compute.");
        }
    }

    private void ValidateAggregates(IEnumerable<AggregateExpressionBase> aggregates, FilterValidatorContext context, HashSet<string> names)
    {
        foreach (var aggregate in aggregates)
        {
            context.IncrementNodeCount();
            if (aggregate is not AggregateExpression expression)
            {
                throw new UnsupportedQueryException("Aggregations over navigation properties are not supported.");
            }

            if (expression.Method == AggregationMethod.Custom)
            {
                throw new UnsupportedQueryException(
                    $"The aggregation method '{expression.MethodDefinition?.MethodLabel}' is not supported. Supported: sum, min, max, average, countdistinct, $count.");
            }

            // $count as N has a count node with no source: nothing to validate (the library's validator would fail).
            if (expression.Method != AggregationMethod.VirtualPropertyCount && expression.Expression is not null)
            {
                expressions.ValidateExpression(expression.Expression, context);
                if (expression.Method is AggregationMethod.Sum or AggregationMethod.Average && !IsNumeric(expression.Expression.TypeReference))
                {
                    throw new ODataException($"'{expression.Method.ToString().ToLowerInvariant()}' needs a number: '{expression.Alias}' aggregates a {TypeName(expression.Expression.TypeReference)}.");
                }
            }

            AddName(names, expression.Alias, "aggregate");
        }
    }

    private void ValidateGroupingProperty(GroupByPropertyNode property, FilterValidatorContext context, HashSet<string> names)
    {
        context.IncrementNodeCount();
        if (property.ChildTransformations is { Count: > 0 })
        {
            throw new UnsupportedQueryException($"Grouping by a path ('{property.Name}/...') is not supported: the sets are flat.");
        }

        if (property.Expression is not null)
        {
            expressions.ValidateExpression(property.Expression, context);
        }

        if (!names.Add(property.Name))
        {
            throw new ODataException($"groupby lists the property '{property.Name}' more than once.");
        }
    }

    /// <summary>Whether an expression uses a parameter alias: an '@' outside string literals.</summary>
    private static bool ContainsAlias(string expression)
    {
        var inString = false;
        foreach (var c in expression)
        {
            if (c == '\'')
            {
                inString = !inString;
            }
            else if (c == '@' && !inString)
            {
                return true;
            }
        }

        return false;
    }

    private static void AddName(HashSet<string> names, string alias, string where)
    {
        if (!names.Add(alias))
        {
            throw new ODataException($"The alias '{alias}' in {where} is already the name of a property or of another alias.");
        }
    }

    private static bool IsNumeric(IEdmTypeReference? type) =>
        type is null || type.IsDecimal() || type.IsFloating() || type.IsIntegral();

    private static string TypeName(IEdmTypeReference? type) => type?.FullName() ?? "value of unknown type";

    private static HashSet<string> StructuralNames(ODataQueryContext context) =>
        context.ElementType is IEdmStructuredType type
            ? new HashSet<string>(type.StructuralProperties().Select(p => p.Name), StringComparer.OrdinalIgnoreCase)
            : new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    private static FilterValidatorContext NewContext(ODataQueryOptions options, ODataValidationSettings settings) => new()
    {
        Context = options.Context,
        ValidationSettings = settings,
        StructuredType = options.Context.ElementType as IEdmStructuredType,
        CurrentDepth = 0,
    };
}
