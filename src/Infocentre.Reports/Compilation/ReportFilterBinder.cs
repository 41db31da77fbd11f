using System.Linq.Expressions;
using Microsoft.AspNetCore.OData.Query.Expressions;
using Microsoft.OData.UriParser;

namespace Infocentre.Reports.Compilation;

/// <summary>
/// Binds the fixed filter of a definition. An absent optional parameter is an untyped null; the library only
/// compares it with eq/ne, so "(@periode eq null or Periode le @periode)" would fail. Here a null compared with a
/// typed value takes that value's (nullable) type, and the comparison is simply unknown, as in SQL.
/// </summary>
public class ReportFilterBinder : FilterBinder
{
    public override Expression BindBinaryOperatorNode(BinaryOperatorNode binaryOperatorNode, QueryBinderContext context)
    {
        ArgumentNullException.ThrowIfNull(binaryOperatorNode);
        if (binaryOperatorNode.OperatorKind is not (BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual
                or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual)
            || !(IsNull(binaryOperatorNode.Left) || IsNull(binaryOperatorNode.Right)))
        {
            return base.BindBinaryOperatorNode(binaryOperatorNode, context);
        }

        var left = Bind(binaryOperatorNode.Left, context);
        var right = Bind(binaryOperatorNode.Right, context);
        var type = Nullable(IsNull(binaryOperatorNode.Left) ? right.Type : left.Type);
        left = IsNull(binaryOperatorNode.Left) ? Expression.Constant(null, type) : Expression.Convert(left, type);
        right = IsNull(binaryOperatorNode.Right) ? Expression.Constant(null, type) : Expression.Convert(right, type);
        return binaryOperatorNode.OperatorKind switch
        {
            BinaryOperatorKind.LessThan => Expression.LessThan(left, right, liftToNull: false, method: null),
            BinaryOperatorKind.LessThanOrEqual => Expression.LessThanOrEqual(left, right, liftToNull: false, method: null),
            BinaryOperatorKind.GreaterThan => Expression.GreaterThan(left, right, liftToNull: false, method: null),
            _ => Expression.GreaterThanOrEqual(left, right, liftToNull: false, method: null),
        };
    }

    private static bool IsNull(SingleValueNode node) =>
        node is ConstantNode { Value: null } || node is ConvertNode { Source: ConstantNode { Value: null } };

    private static Type Nullable(Type type) =>
        type.IsValueType && System.Nullable.GetUnderlyingType(type) is null ? typeof(Nullable<>).MakeGenericType(type) : type;
}
