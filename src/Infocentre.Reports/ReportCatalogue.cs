using Infocentre.Reports.Compilation;
using Infocentre.Reports.Definitions;
using Infocentre.Reports.Edm;
using Infocentre.Reports.Parameters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.OData.Edm;

namespace Infocentre.Reports;

/// <summary>The validated, compiled report catalogue and the OData model that serves it.</summary>
public sealed class ReportCatalogue
{
    private readonly Dictionary<string, CompiledReport> _byCode;
    private readonly Dictionary<string, CompiledReport> _byEntitySet;

    private ReportCatalogue(string folder, IReadOnlyList<CompiledReport> reports, IEdmModel model)
    {
        Folder = folder;
        Reports = reports;
        Model = model;
        _byCode = reports.ToDictionary(r => r.Definition.Code, StringComparer.OrdinalIgnoreCase);
        _byEntitySet = reports.ToDictionary(r => r.Definition.EntitySet, StringComparer.Ordinal);
    }

    public string Folder { get; }

    public IReadOnlyList<CompiledReport> Reports { get; }

    public IEdmModel Model { get; }

    public CompiledReport? FindByCode(string code) => _byCode.GetValueOrDefault(code);

    public CompiledReport? FindByEntitySet(string entitySet) => _byEntitySet.GetValueOrDefault(entitySet);

    /// <summary>Reads, validates and compiles every definition; throws <see cref="ReportDefinitionException"/> listing all errors.</summary>
    public static ReportCatalogue Load(string folder, IModel warehouse)
    {
        var (definitions, errors) = ReportFileReader.ReadFolder(folder);
        errors.AddRange(ReportValidator.Validate(definitions));
        if (errors.Count > 0)
        {
            throw new ReportDefinitionException(errors);
        }

        var builder = new CompiledReportBuilder();
        var reports = definitions.OrderBy(d => d.Code, StringComparer.Ordinal).Select(builder.Build).ToList();
        var model = ReportEdmModel.Build(reports, warehouse);
        return new ReportCatalogue(folder, reports, model);
    }

    /// <summary>
    /// Generates the SQL of every report with sample parameters: a definition EF Core cannot translate fails
    /// here, at startup or in `infocentre validate`, rather than on a user's request.
    /// </summary>
    public IReadOnlyList<DefinitionError> SelfTest(DbContext db)
    {
        var errors = new List<DefinitionError>();
        foreach (var report in Reports)
        {
            var conditionErrors = CheckConditions(report);
            if (conditionErrors.Count > 0)
            {
                errors.AddRange(conditionErrors);
                continue;
            }

            try
            {
                // Once with every parameter given, once with only the required ones: optional parameters
                // take part in the filter both ways.
                foreach (var all in new[] { true, false })
                {
                    var sample = report.Definition.Parameters.Where(p => all || p.Required).ToDictionary(
                        p => p.Name, p => (object?)SampleValue(p), StringComparer.Ordinal);
                    _ = report.CreateQuery(db, Model, new BoundParameters(sample)).ToQueryString();
                }
            }
#pragma warning disable CA1031 // Any failure to translate is reported against the definition.
            catch (Exception e)
#pragma warning restore CA1031
            {
                errors.Add(new DefinitionError(report.Definition.File, "filter/dimensions/measures", "cannot be translated to SQL: " + e.Message));
            }
        }

        return errors;
    }

    /// <summary>Each measure's 'where' bound on its own, so an unknown column or a type error names the measure.</summary>
    private List<DefinitionError> CheckConditions(CompiledReport report)
    {
        var errors = new List<DefinitionError>();
        var sample = new BoundParameters(report.Definition.Parameters.ToDictionary(
            p => p.Name, p => (object?)SampleValue(p), StringComparer.Ordinal));
        for (var i = 0; i < report.Definition.Measures.Count; i++)
        {
            if (report.Definition.Measures[i].Where is { } condition)
            {
                try
                {
                    _ = report.BindCondition(condition, Model, sample);
                }
#pragma warning disable CA1031 // The OData parser and binder throw several exception types; each is a definition error.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    errors.Add(new DefinitionError(report.Definition.File, $"measures[{i}].where", e.Message));
                }
            }
        }

        return errors;
    }

    private static object SampleValue(ParameterDefinition p)
    {
        var text = p.Values.FirstOrDefault() ?? (p.Default is null or "latest" ? null : p.Default) ?? p.Type switch
        {
            ParameterType.Int => "2024",
            ParameterType.Decimal => "0",
            ParameterType.Date => "2024-01-01",
            ParameterType.Bool => "true",
            _ => "X",
        };
        ParameterType.TryParse(p.Type, text, out var value, out _);
        return value!;
    }
}
