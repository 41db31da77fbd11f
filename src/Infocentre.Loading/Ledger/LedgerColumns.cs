using Infocentre.Loading.Common;

namespace Infocentre.Loading.Ledger;

/// <summary>
/// Where each field of an INF-CGE-03 general-ledger line is, found by its header (code + label pairs share one
/// header: the first column is the code). Amounts come either as two columns Débit / Crédit or as one Montant
/// with a Sens (D/C). Optional columns are -1 when absent.
/// </summary>
internal sealed class LedgerColumns
{
    public const string ExerciceHeader = "Exercice comptable";
    public const string PieceHeader = "N° pièce";

    private LedgerColumns(IReadOnlyList<string> names) => Names = names;

    public IReadOnlyList<string> Names { get; }

    public int Exercice { get; private init; } = -1;
    public int Societe { get; private init; }
    public int Piece { get; private init; }
    public int Ligne { get; private init; }
    public int Journal { get; private init; }
    public int DateComptable { get; private init; }
    public int TypeOperation { get; private init; } = -1;
    public int CompteGeneral { get; private init; }
    public int Ministere { get; private init; }
    public int Programme { get; private init; }
    public int DomaineFonctionnel { get; private init; }
    public int CentreCouts { get; private init; }
    public int Tiers { get; private init; }
    public int Client { get; private init; } = -1;
    public int DateEcheance { get; private init; } = -1;
    public int Lettrage { get; private init; } = -1;
    public int Libelle { get; private init; }
    public int Debit { get; private init; } = -1;
    public int Credit { get; private init; } = -1;
    public int Montant { get; private init; } = -1;
    public int Sens { get; private init; } = -1;

    public bool HasDebitCredit => Debit >= 0;

    public static bool IsColumnHeader(IReadOnlyList<string> fields) =>
        fields.Contains(PieceHeader, StringComparer.OrdinalIgnoreCase) && fields.Contains("Compte général", StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds every column; a missing one fails the load, naming the header line and the column.</summary>
    public static LedgerColumns Find(IReadOnlyList<string> names, long headerLine, bool exerciceInHeaderBlock)
    {
        int Optional(params string[] headers)
        {
            foreach (var header in headers)
            {
                for (var i = 0; i < names.Count; i++)
                {
                    if (string.Equals(names[i], header, StringComparison.OrdinalIgnoreCase))
                    {
                        return i;
                    }
                }
            }

            return -1;
        }

        int Of(params string[] headers)
        {
            var ordinal = Optional(headers);
            return ordinal >= 0
                ? ordinal
                : throw new LoadException(
                    $"Line {headerLine}: the column '{headers[0]}' is missing from the header of the INF-CGE-03 extract.",
                    LoadRunStatus.Failed, headerLine, headers[0]);
        }

        var exercice = Optional(ExerciceHeader);
        if (exercice < 0 && !exerciceInHeaderBlock)
        {
            throw new LoadException(
                $"Line {headerLine}: no '{ExerciceHeader}' column, and no '{ExerciceHeader}' line in the header block.",
                LoadRunStatus.Failed, headerLine, ExerciceHeader);
        }

        var debit = Optional("Débit", "Montant débit");
        var montant = Optional("Montant", "Montant (EUR)", "EUR");
        if (debit < 0 && montant < 0)
        {
            throw new LoadException(
                $"Line {headerLine}: the amounts need either the columns 'Débit' and 'Crédit' or the columns 'Montant' and 'Sens'.",
                LoadRunStatus.Failed, headerLine, "Débit");
        }

        return new LedgerColumns(names)
        {
            Exercice = exercice,
            Societe = Of("Société"),
            Piece = Of(PieceHeader, "N° de pièce"),
            Ligne = Of("N° ligne", "N° ligne de pièce", "Poste"),
            Journal = Of("Type de pièce", "Journal"),
            DateComptable = Of("Date comptable"),
            TypeOperation = Optional("Type d'opération"),
            CompteGeneral = Of("Compte général"),
            Ministere = Of("Ministère"),
            Programme = Of("Programme"),
            DomaineFonctionnel = Of("Domaine fonctionnel"),
            CentreCouts = Of("Centre de coûts"),
            Tiers = Of("Fournisseur", "Tiers"),
            Client = Optional("Client"),
            DateEcheance = Optional("Date d'échéance"),
            Lettrage = Optional("Lettrage", "Code lettrage"),
            Libelle = Of("Libellé", "Texte"),
            Debit = debit,
            Credit = debit >= 0 ? Of("Crédit", "Montant crédit") : -1,
            Montant = debit >= 0 ? -1 : montant,
            Sens = debit >= 0 ? -1 : Of("Sens", "Code débit/crédit"),
        };
    }

    public string NameOf(int ordinal) => ordinal >= 0 && ordinal < Names.Count ? Names[ordinal] : ExerciceHeader;
}
