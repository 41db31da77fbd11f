using System.Globalization;
using Infocentre.Loading.Common;
using Infocentre.Warehouse.Facts;
using Infocentre.Warehouse.Identifiers;

namespace Infocentre.Loading.Ledger;

/// <summary>Turns one INF-CGE-03 line into a <see cref="LedgerEntry"/>, recording every reason to refuse it.</summary>
internal sealed class LedgerLineParser(LedgerColumns c, int? pivot, ReferenceCodes codes, IReadOnlySet<string> clients)
{
    private static readonly string[] TypesOperation = ["OUV", "GES", "INV"];

    /// <summary>The pièce of the line being parsed (exercice, société, N° pièce), when those three could be read.</summary>
    public (int Exercice, string Societe, string Piece)? PieceKey { get; private set; }

    public LedgerEntry? Parse(LineReader r)
    {
        ArgumentNullException.ThrowIfNull(r);
        PieceKey = null;
        var exercice = c.Exercice >= 0 ? r.PositiveInt(c.Exercice) : pivot;
        var societe = r.Known(r.Id<SocieteCode>(c.Societe)?.Value, c.Societe, codes.Societes, "société");
        var piece = PieceNumber(r);
        if (exercice is not null && societe is not null && piece is not null)
        {
            PieceKey = (exercice.Value, societe, piece);
        }

        var ligne = r.PositiveInt(c.Ligne);
        var journal = r.Text(c.Journal, 4);
        var date = r.Date(c.DateComptable);
        var typeOperation = c.TypeOperation < 0 ? "GES" : r.Text(c.TypeOperation, 3);
        if (typeOperation is not null && !TypesOperation.Contains(typeOperation, StringComparer.Ordinal))
        {
            r.Error(DataQualityRules.MalformedValue, c.TypeOperation, typeOperation, "Type d'opération must be OUV, GES or INV.");
        }

        var compte = r.Known(r.Id<CompteGeneralCode>(c.CompteGeneral)?.Value, c.CompteGeneral, codes.ComptesGeneraux, "compte général (PCE)");
        var ministere = r.Known(r.Id<MinistereCode>(c.Ministere)?.Value, c.Ministere, codes.Ministeres, "ministère");
        var programme = Programme(r, ministere);
        var df = r.Id<DomaineFonctionnelCode>(c.DomaineFonctionnel, optional: true);
        if (df is { } d && programme is not null && !string.Equals(d.ProgrammeCode.Value, programme, StringComparison.Ordinal))
        {
            r.Error(DataQualityRules.Inconsistent, c.DomaineFonctionnel, d.Value,
                $"'{d.Value}' belongs to programme {d.ProgrammeCode.Value}, not to the line's programme {programme}.");
        }

        var domaine = r.Known(df?.Value, c.DomaineFonctionnel, codes.DomainesFonctionnels, "domaine fonctionnel");
        var centreCouts = r.Known(r.Id<CentreCoutsCode>(c.CentreCouts, optional: true)?.Value, c.CentreCouts, codes.CentresCouts, "centre de coûts");
        var tiers = r.Id<TiersCode>(c.Tiers, optional: true)?.Value;
        if (tiers is not null && !codes.Tiers.ContainsKey(tiers))
        {
            r.Error(DataQualityRules.UnknownReferentialCode, c.Tiers, tiers, $"Unknown tiers '{tiers}'.");
        }

        var client = c.Client < 0 || FrenchFormats.IsNotAssigned(r.Raw(c.Client)) ? null : r.Known(r.Text(c.Client), c.Client, clients, "client");
        var echeance = c.DateEcheance < 0 ? null : r.Date(c.DateEcheance, optional: true);
        var lettrage = c.Lettrage < 0 || FrenchFormats.IsNotAssigned(r.Raw(c.Lettrage)) ? null : r.Text(c.Lettrage, 20);
        var libelle = r.Text(c.Libelle);
        var (debit, credit) = Amounts(r);

        if (r.HasErrors || exercice is null || societe is null || piece is null || ligne is null || journal is null || date is null
            || typeOperation is null || compte is null || ministere is null || libelle is null || debit is null || credit is null)
        {
            return null;
        }

        if (date.Value.Year != exercice)
        {
            r.Warning(DataQualityRules.DateOutsideExercice, c.DateComptable, date.Value.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"The date comptable is outside exercice {exercice}."));
        }

        return new LedgerEntry
        {
            Id = r.Line,
            Exercice = exercice.Value,
            Periode = date.Value.Month,
            SocieteCode = societe,
            MinistereCode = ministere,
            ProgrammeCode = programme,
            PieceNumero = piece,
            Ligne = ligne.Value,
            Journal = journal,
            DateComptable = date.Value,
            CompteGeneralCode = compte,
            TiersCode = tiers,
            Libelle = libelle,
            Debit = debit.Value,
            Credit = credit.Value,
            TypeOperation = typeOperation,
            ClientCode = client,
            DateEcheance = echeance,
            Lettrage = lettrage,
            DomaineFonctionnelCode = domaine,
            CentreCoutsCode = centreCouts,
        };
    }

    /// <summary>N° pièce: 10 digits, as Chorus numbers accounting documents.</summary>
    private string? PieceNumber(LineReader r)
    {
        var raw = r.Raw(c.Piece);
        if (FrenchFormats.IsNotAssigned(raw))
        {
            r.Error(DataQualityRules.MissingValue, c.Piece, raw, "N° pièce is required.");
            return null;
        }

        if (raw.Length != 10 || !raw.All(char.IsAsciiDigit))
        {
            r.Error(DataQualityRules.MalformedIdentifier, c.Piece, raw, "N° pièce must be 10 digits.");
            return null;
        }

        return raw;
    }

    /// <summary>The programme when assigned ("#" for balance-sheet lines): known, and of the line's ministère.</summary>
    private string? Programme(LineReader r, string? ministere)
    {
        var programme = r.Id<ProgrammeCode>(c.Programme, optional: true)?.Value;
        if (programme is null)
        {
            return null;
        }

        if (!codes.Programmes.TryGetValue(programme, out var owner))
        {
            r.Error(DataQualityRules.UnknownReferentialCode, c.Programme, programme, $"Unknown programme '{programme}'.");
            return null;
        }

        if (ministere is not null && !string.Equals(owner, ministere, StringComparison.Ordinal))
        {
            r.Error(DataQualityRules.Inconsistent, c.Programme, programme, $"Programme {programme} belongs to {owner}, not to the line's ministère {ministere}.");
        }

        return programme;
    }

    /// <summary>
    /// Débit and crédit, both positive, one of them zero: from the two columns, or from Montant + Sens (D/C).
    /// </summary>
    private (decimal? Debit, decimal? Credit) Amounts(LineReader r)
    {
        if (c.HasDebitCredit)
        {
            var debit = Positive(r, c.Debit, r.Amount(c.Debit));
            var credit = Positive(r, c.Credit, r.Amount(c.Credit));
            if (debit > 0 && credit > 0)
            {
                r.Error(DataQualityRules.Inconsistent, c.Credit, r.Raw(c.Credit), "A line is either a débit or a crédit, not both.");
            }

            return (debit, credit);
        }

        var montant = Positive(r, c.Montant, r.Amount(c.Montant));
        var sens = r.Text(c.Sens, 10);
        switch (sens?.ToUpperInvariant())
        {
            case null:
                return (null, null);
            case "D" or "DÉBIT" or "DEBIT":
                return (montant, montant is null ? null : 0m);
            case "C" or "CRÉDIT" or "CREDIT":
                return (montant is null ? null : 0m, montant);
            default:
                r.Error(DataQualityRules.MalformedValue, c.Sens, sens, "Sens must be D (débit) or C (crédit).");
                return (null, null);
        }
    }

    private static decimal? Positive(LineReader r, int ordinal, decimal? amount)
    {
        if (amount < 0)
        {
            r.Error(DataQualityRules.MalformedValue, ordinal, r.Raw(ordinal), "Débit, crédit and montant are positive; the column or the sens gives the side.");
            return null;
        }

        return amount;
    }
}
