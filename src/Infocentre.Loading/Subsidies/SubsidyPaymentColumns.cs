using Infocentre.Loading.Common;

namespace Infocentre.Loading.Subsidies;

/// <summary>
/// Where each field of a Data.Subvention-style extraction row is, found by its header. Code + label pairs
/// (Branche, Référentiel de programmation, Centre financier, Domaine fonctionnel) have the header on the code
/// column and an empty header on the label column that follows it.
/// </summary>
internal sealed class SubsidyPaymentColumns
{
    private SubsidyPaymentColumns(IReadOnlyList<string> names) => Names = names;

    public IReadOnlyList<string> Names { get; }

    public int EjNumero { get; private init; }
    public int EjPoste { get; private init; }
    public int Tiers { get; private init; }
    public int Branche { get; private init; }
    public int CodeTaxe1 { get; private init; }
    /// <summary>No TVA 3 (COM-RIDET ou TAHITI); -1 when the extraction has no such column.</summary>
    public int RidetTahiti { get; private init; }
    /// <summary>RNA; -1 when the extraction has no such column (it is optional).</summary>
    public int Rna { get; private init; }
    public int Activite { get; private init; }
    public int Societe { get; private init; }
    public int Exercice { get; private init; }
    public int DpNumero { get; private init; }
    public int DpPoste { get; private init; }
    public int DateDerniereOperation { get; private init; }
    public int CentreFinancier { get; private init; }
    public int DomaineFonctionnel { get; private init; }
    public int Montant { get; private init; }

    public static bool IsColumnHeader(IReadOnlyList<string> fields) =>
        fields.Contains("N° DP", StringComparer.OrdinalIgnoreCase) && fields.Contains("Montant payé", StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds every column; a missing one fails the load, naming the sheet, the header row and the column.</summary>
    public static SubsidyPaymentColumns Find(IReadOnlyList<string> names, string sheet, long headerRow)
    {
        int Optional(string header)
        {
            for (var i = 0; i < names.Count; i++)
            {
                if (string.Equals(names[i], header, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }

            return -1;
        }

        int Of(string header)
        {
            var i = Optional(header);
            return i >= 0
                ? i
                : throw new LoadException(
                    $"Sheet '{sheet}', row {headerRow}: the column '{header}' is missing from the header of the extraction.",
                    LoadRunStatus.Failed, headerRow, header);
        }

        return new SubsidyPaymentColumns(names)
        {
            EjNumero = Of("N° EJ"),
            EjPoste = Of("N° poste EJ"),
            Tiers = Of("Fournisseur payé (DP)"),
            Branche = Of("Branche"),
            CodeTaxe1 = Of("Code taxe 1"),
            RidetTahiti = Optional("No TVA 3 (COM-RIDET ou TAHITI)"),
            Rna = Optional("RNA"),
            Activite = Of("Référentiel de programmation"),
            Societe = Of("Société"),
            Exercice = Of("Exercice comptable"),
            DpNumero = Of("N° DP"),
            DpPoste = Of("N° poste DP"),
            DateDerniereOperation = Of("Date de dernière opération sur la DP"),
            CentreFinancier = Of("Centre financier"),
            DomaineFonctionnel = Of("Domaine fonctionnel"),
            Montant = Of("Montant payé"),
        };
    }

    /// <summary>The label column of a code + label pair (the one after the code, when its header is empty).</summary>
    public int LabelOf(int code) => code + 1 < Names.Count && Names[code + 1].Length == 0 ? code + 1 : -1;

    /// <summary>Fails the load when a code + label pair whose label is stored has no label column.</summary>
    public void RequireLabels(string sheet, long headerRow)
    {
        foreach (var code in new[] { CentreFinancier, DomaineFonctionnel })
        {
            if (LabelOf(code) < 0)
            {
                throw new LoadException(
                    $"Sheet '{sheet}', row {headerRow}: the label column after '{Names[code]}' (with an empty header) is missing.",
                    LoadRunStatus.Failed, headerRow, Names[code]);
            }
        }
    }

    /// <summary>The header of a column; the label column of a pair is named after its code column.</summary>
    public string NameOf(int ordinal) => ordinal < 0 || ordinal >= Names.Count ? string.Empty
        : Names[ordinal].Length == 0 && ordinal > 0 ? Names[ordinal - 1] + " (libellé)"
        : Names[ordinal];
}
