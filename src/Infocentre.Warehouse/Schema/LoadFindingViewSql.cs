using Infocentre.Warehouse.ReportingViews;

namespace Infocentre.Warehouse.Schema;

/// <summary>The view of the loader's data-quality findings (see <see cref="LoadFindingView"/>).</summary>
public static partial class ReportingViewSql
{
    private static string LoadFindings(SqlDialect d)
    {
        var titles = string.Join("\n", DataQualityRuleTitles.All.Select(r => $"    WHEN '{r.Code}' THEN '{r.Title.Replace("'", "''", StringComparison.Ordinal)}'"));
        // The day of the load in UTC, as stored (PostgreSQL keeps a timestamptz: not the session's time zone).
        var day = d == SqlDialect.Sqlite ? "date(r.started_at)"
            : d == SqlDialect.PostgreSql ? "CAST(r.started_at AT TIME ZONE 'UTC' AS date)"
            : "CAST(r.started_at AS date)";
        return $"""
            SELECT f.id AS id, f.load_run_id AS chargement_id, r.file_name AS fichier, r.kind AS type_extrait,
              r.status AS statut_chargement, {day} AS date_chargement, r.started_by AS lance_par,
              f.code AS regle_code, f.severity AS gravite,
              CASE f.code
            {titles}
                ELSE f.code END AS regle_libelle,
              f.line AS ligne, f."column" AS colonne, f.value AS valeur, f.message AS message
            FROM load_finding f
            JOIN load_run r ON r.id = f.load_run_id

            """;
    }
}
