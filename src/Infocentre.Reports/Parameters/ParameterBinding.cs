using Infocentre.Reports.Compilation;

namespace Infocentre.Reports.Parameters;

/// <summary>A parameter problem reported to the caller as a 400 naming the parameter.</summary>
public sealed record ParameterError(string Parameter, string Message)
{
    public override string ToString() => $"{Parameter}: {Message}";
}

/// <summary>Typed values of a report's parameters, after defaults.</summary>
public sealed class BoundParameters(IReadOnlyDictionary<string, object?> values)
{
    public IReadOnlyDictionary<string, object?> Values { get; } = values;

    public object? this[string name] => Values.TryGetValue(name, out var v) ? v : null;
}

/// <summary>Binds request query values to a report's declared parameters: typed, checked, defaults applied.</summary>
public static class ParameterBinder
{
    /// <param name="supplied">Parameter name → the values given in the request (several if repeated).</param>
    /// <param name="latest">Resolves the "latest" default (latest exercice loaded in the report's source).</param>
    public static async Task<(BoundParameters? Parameters, IReadOnlyList<ParameterError> Errors)> BindAsync(
        CompiledReport report, IEnumerable<KeyValuePair<string, string[]>> supplied,
        Func<CompiledReport, CancellationToken, Task<int?>> latest, CancellationToken cancellationToken)
    {
        var errors = new List<ParameterError>();
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in supplied)
        {
            var declared = report.Definition.Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
            if (declared is null)
            {
                var known = report.Definition.Parameters.Count == 0 ? "none" : string.Join(", ", report.Definition.Parameters.Select(p => p.Name));
                errors.Add(new ParameterError(name, $"unknown parameter for report {report.Definition.Code} (declared: {known})"));
            }
            else if (values.Length != 1)
            {
                errors.Add(new ParameterError(name, "given more than once"));
            }
            else
            {
                given[name] = values[0];
            }
        }

        var bound = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var parameter in report.Definition.Parameters)
        {
            if (given.TryGetValue(parameter.Name, out var text))
            {
                if (!ParameterType.TryParse(parameter.Type, text, out var value, out var why))
                {
                    errors.Add(new ParameterError(parameter.Name, $"'{Truncate(text)}' is not a valid {parameter.Type}: {why}"));
                    continue;
                }

                if (parameter.Pattern is not null && !System.Text.RegularExpressions.Regex.IsMatch(text, parameter.Pattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(100)))
                {
                    errors.Add(new ParameterError(parameter.Name, $"'{Truncate(text)}' does not have the expected form ({parameter.Pattern})"));
                    continue;
                }

                if (parameter.Values.Count > 0 && !parameter.Values.Contains(ParameterType.Format(value!), StringComparer.Ordinal))
                {
                    errors.Add(new ParameterError(parameter.Name, $"'{Truncate(text)}' is not one of the accepted values: {string.Join(", ", parameter.Values)}"));
                    continue;
                }

                bound[parameter.Name] = value;
            }
            else if (string.Equals(parameter.Default, "latest", StringComparison.Ordinal))
            {
                bound[parameter.Name] = await latest(report, cancellationToken);
            }
            else if (parameter.Default is not null)
            {
                ParameterType.TryParse(parameter.Type, parameter.Default, out var value, out _);
                bound[parameter.Name] = value;
            }

            if (parameter.Required && (!bound.TryGetValue(parameter.Name, out var v) || v is null) && !errors.Any(e => e.Parameter == parameter.Name))
            {
                errors.Add(new ParameterError(parameter.Name, $"required parameter is missing ({parameter.Type}: {parameter.Description})"));
            }
        }

        return errors.Count > 0 ? (null, errors) : (new BoundParameters(bound), errors);
    }

    private static string Truncate(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
