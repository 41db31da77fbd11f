using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using SpreadCheetah;
using SpreadCheetah.Styling;

namespace Infocentre.Api.Features.Exports;

/// <summary>
/// Reads the columns of a row type without reflection per row: compiled once per row type and column list,
/// typed (no boxing) for the xlsx cells, boxed for CSV and the totals.
/// </summary>
public sealed class RowAccessor
{
    /// <summary>Keyed by the type itself: two catalogues (two hosts in one process) emit different types of the same name.</summary>
    private static readonly ConcurrentDictionary<(Type RowType, string Columns), RowAccessor> Cache = new();

    private RowAccessor(Action<object, Cell[], StyleId[]> fillCells, Func<object, object?>[] values, Func<object, decimal?>?[] numbers)
    {
        FillCells = fillCells;
        Values = values;
        Numbers = numbers;
    }

    /// <summary>Writes cell i of a row with style i (the cells and styles arrays have one entry per column).</summary>
    public Action<object, Cell[], StyleId[]> FillCells { get; }

    /// <summary>The value of each column, boxed (null for null).</summary>
    public IReadOnlyList<Func<object, object?>> Values { get; }

    /// <summary>The value of each summable column as a decimal; null for the other columns.</summary>
    public IReadOnlyList<Func<object, decimal?>?> Numbers { get; }

    public static RowAccessor For(Type rowType, IReadOnlyList<ExportColumn> columns) =>
        Cache.GetOrAdd((rowType, string.Join(",", columns.Select(c => c.Name + (c.Summable ? "+" : "")))), _ => Compile(rowType, columns));

    private static RowAccessor Compile(Type rowType, IReadOnlyList<ExportColumn> columns)
    {
        var row = Expression.Parameter(typeof(object), "row");
        var cells = Expression.Parameter(typeof(Cell[]), "cells");
        var styles = Expression.Parameter(typeof(StyleId[]), "styles");
        var typed = Expression.Variable(rowType, "typed");
        var body = new List<Expression> { Expression.Assign(typed, Expression.Convert(row, rowType)) };
        var values = new Func<object, object?>[columns.Count];
        var numbers = new Func<object, decimal?>?[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            var property = rowType.GetProperty(columns[i].Name, BindingFlags.Public | BindingFlags.Instance)
                ?? throw new InvalidOperationException($"{rowType.Name} has no property {columns[i].Name}.");
            var value = Expression.Property(typed, property);
            var style = Expression.ArrayIndex(styles, Expression.Constant(i));
            body.Add(Expression.Assign(Expression.ArrayAccess(cells, Expression.Constant(i)), CellOf(value, style)));

            var x = Expression.Parameter(typeof(object), "x");
            var read = Expression.Property(Expression.Convert(x, rowType), property);
            values[i] = Expression.Lambda<Func<object, object?>>(Expression.Convert(read, typeof(object)), x).Compile();
            if (columns[i].Summable)
            {
                numbers[i] = Expression.Lambda<Func<object, decimal?>>(ToNullableDecimal(read), x).Compile();
            }
        }

        var fill = Expression.Lambda<Action<object, Cell[], StyleId[]>>(Expression.Block([typed], body), row, cells, styles).Compile();
        return new RowAccessor(fill, values, numbers);
    }

    private static Expression ToNullableDecimal(Expression value)
    {
        if (Nullable.GetUnderlyingType(value.Type) is null)
        {
            return Expression.Convert(Expression.Convert(value, typeof(decimal)), typeof(decimal?));
        }

        return Expression.Condition(
            Expression.Property(value, "HasValue"),
            Expression.Convert(Expression.Convert(Expression.Property(value, "Value"), typeof(decimal)), typeof(decimal?)),
            Expression.Constant(null, typeof(decimal?)));
    }

    /// <summary>A call to the <see cref="Cells"/> overload for the value's type, or its text.</summary>
    private static MethodCallExpression CellOf(Expression value, Expression style)
    {
        var method = typeof(Cells).GetMethod(nameof(Cells.Of), [value.Type, typeof(StyleId)]);
        if (method is not null && method.GetParameters()[0].ParameterType == value.Type)
        {
            return Expression.Call(method, value, style);
        }

        return Expression.Call(typeof(Cells).GetMethod(nameof(Cells.Of), [typeof(object), typeof(StyleId)])!, Expression.Convert(value, typeof(object)), style);
    }

    /// <summary>
    /// Typed cells. Text always becomes an inline string cell, never a formula, whatever it starts with: SpreadCheetah
    /// writes a formula only from a <see cref="Formula"/>, which no data value ever is.
    /// </summary>
    public static class Cells
    {
        public static Cell Of(string? value, StyleId style) => value is null ? new Cell() : new Cell(value, style);

        public static Cell Of(int value, StyleId style) => new(value, style);

        public static Cell Of(int? value, StyleId style) => value is { } v ? new Cell(v, style) : new Cell();

        public static Cell Of(short value, StyleId style) => new((int)value, style);

        public static Cell Of(short? value, StyleId style) => value is { } v ? new Cell((int)v, style) : new Cell();

        public static Cell Of(long value, StyleId style) => new(value, style);

        public static Cell Of(long? value, StyleId style) => value is { } v ? new Cell(v, style) : new Cell();

        public static Cell Of(decimal value, StyleId style) => new(value, style);

        public static Cell Of(decimal? value, StyleId style) => value is { } v ? new Cell(v, style) : new Cell();

        public static Cell Of(double value, StyleId style) => new(value, style);

        public static Cell Of(double? value, StyleId style) => value is { } v ? new Cell(v, style) : new Cell();

        public static Cell Of(bool value, StyleId style) => new(value, style);

        public static Cell Of(bool? value, StyleId style) => value is { } v ? new Cell(v, style) : new Cell();

        public static Cell Of(DateOnly value, StyleId style) => new(value.ToDateTime(TimeOnly.MinValue), style);

        public static Cell Of(DateOnly? value, StyleId style) => value is { } v ? new Cell(v.ToDateTime(TimeOnly.MinValue), style) : new Cell();

        public static Cell Of(DateTime value, StyleId style) => new(value, style);

        public static Cell Of(DateTime? value, StyleId style) => value is { } v ? new Cell(v, style) : new Cell();

        public static Cell Of(object? value, StyleId style) =>
            value is null ? new Cell() : new Cell(Convert.ToString(value, CultureInfo.InvariantCulture), style);
    }
}
