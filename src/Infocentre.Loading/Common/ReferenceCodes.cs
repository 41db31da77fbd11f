using Infocentre.Warehouse;
using Microsoft.EntityFrameworkCore;

namespace Infocentre.Loading.Common;

/// <summary>The referential codes an extract's lines are checked against, read once per load in its transaction.</summary>
public sealed class ReferenceCodes
{
    private ReferenceCodes()
    {
    }

    /// <summary>Programme → ministère.</summary>
    public required IReadOnlyDictionary<string, string> Programmes { get; init; }
    public required IReadOnlySet<string> Ministeres { get; init; }
    public required IReadOnlySet<string> Missions { get; init; }
    public required IReadOnlySet<string> Bops { get; init; }
    public required IReadOnlySet<string> CentresFinanciers { get; init; }
    public required IReadOnlySet<string> DomainesFonctionnels { get; init; }
    public required IReadOnlySet<string> Activites { get; init; }
    public required IReadOnlySet<string> CentresCouts { get; init; }
    public required IReadOnlySet<string> ComptesBudgetaires { get; init; }
    public required IReadOnlySet<string> ComptesGeneraux { get; init; }
    public required IReadOnlySet<string> GroupesMarchandises { get; init; }
    public required IReadOnlySet<string> Localisations { get; init; }
    public required IReadOnlySet<string> Societes { get; init; }
    public required IReadOnlySet<string> TypesEj { get; init; }
    public required IReadOnlySet<string> NaturesDp { get; init; }
    public required IReadOnlySet<string> Branches { get; init; }
    /// <summary>Tiers → (branche, SIRET).</summary>
    public required IReadOnlyDictionary<string, (string Branche, string? Siret)> Tiers { get; init; }

    public static async Task<ReferenceCodes> ReadAsync(WarehouseDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        async Task<IReadOnlySet<string>> Codes(IQueryable<string> codes) =>
            (await codes.ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return new ReferenceCodes
        {
            Programmes = await db.Programmes.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.MinistereCode, StringComparer.Ordinal, cancellationToken),
            Ministeres = await Codes(db.Ministeres.Select(x => x.Code)),
            Missions = await Codes(db.Missions.Select(x => x.Code)),
            Bops = await Codes(db.Bops.Select(x => x.Code)),
            CentresFinanciers = await Codes(db.CentresFinanciers.Select(x => x.Code)),
            DomainesFonctionnels = await Codes(db.DomainesFonctionnels.Select(x => x.Code)),
            Activites = await Codes(db.Activites.Select(x => x.Code)),
            CentresCouts = await Codes(db.CentresCouts.Select(x => x.Code)),
            ComptesBudgetaires = await Codes(db.ComptesBudgetaires.Select(x => x.Code)),
            ComptesGeneraux = await Codes(db.ComptesGeneraux.Select(x => x.Code)),
            GroupesMarchandises = await Codes(db.GroupesMarchandises.Select(x => x.Code)),
            Localisations = await Codes(db.Localisations.Select(x => x.Code)),
            Societes = await Codes(db.Societes.Select(x => x.Code)),
            TypesEj = await Codes(db.TypesEj.Select(x => x.Code)),
            NaturesDp = await Codes(db.NaturesDp.Select(x => x.Code)),
            Branches = await Codes(db.Branches.Select(x => x.Code)),
            Tiers = await db.Tiers.AsNoTracking().ToDictionaryAsync(t => t.Code, t => (t.BrancheCode, t.Siret), StringComparer.Ordinal, cancellationToken),
        };
    }
}
