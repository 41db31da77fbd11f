using Infocentre.Loading.Common;

namespace Infocentre.Loading.Budget53;

/// <summary>
/// Where each field of an INF-BUD-53 line is, found by its header. Code + label pairs share one header:
/// the first of the two columns is the code. Exercice comes from its column or, when there is none, from the
/// "Exercice comptable" line of the header block.
/// </summary>
internal sealed class InfBud53Columns
{
    public const string ExerciceHeader = "Exercice comptable";

    private static readonly string[] AmountHeaders = ["Montant", "Montant payé", "Montant (EUR)", "Montant payé (EUR)", "EUR"];

    private InfBud53Columns(IReadOnlyList<string> names) => Names = names;

    public IReadOnlyList<string> Names { get; }

    public int Exercice { get; private init; } = -1;
    public int Societe { get; private init; }
    public int Programme { get; private init; }
    public int CentreFinancier { get; private init; }
    public int DomaineFonctionnel { get; private init; }
    public int CentreCouts { get; private init; }
    public int Activite { get; private init; }
    public int EjNumero { get; private init; }
    public int EjPoste { get; private init; }
    public int TypeEj { get; private init; }
    public int DpNumero { get; private init; }
    public int DpPoste { get; private init; }
    public int TypePiece { get; private init; }
    public int NatureDp { get; private init; }
    public int Statut { get; private init; }
    public int DateBase { get; private init; }
    public int DateDerniereOperation { get; private init; }
    public int DatePaiement { get; private init; }
    public int Tiers { get; private init; }
    public int CodeTaxe1 { get; private init; }
    public int CompteGeneral { get; private init; }
    public int CompteBudgetaire { get; private init; }
    public int GroupeMarchandises { get; private init; }
    public int Localisation { get; private init; }
    public int ServiceExecutant { get; private init; }
    public int Montant { get; private init; }

    public static bool IsColumnHeader(IReadOnlyList<string> fields) =>
        fields.Contains("N° DP", StringComparer.Ordinal) && fields.Contains("Programme", StringComparer.Ordinal);

    /// <summary>Finds every column; a missing one fails the load, naming the header line and the column.</summary>
    public static InfBud53Columns Find(IReadOnlyList<string> names, long headerLine, bool exerciceInHeaderBlock)
    {
        int Of(params string[] headers)
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

            throw new LoadException(
                $"Line {headerLine}: the column '{headers[0]}' is missing from the header of the INF-BUD-53 extract.",
                LoadRunStatus.Failed, headerLine, headers[0]);
        }

        var hasExerciceColumn = names.Contains(ExerciceHeader, StringComparer.OrdinalIgnoreCase);
        if (!hasExerciceColumn && !exerciceInHeaderBlock)
        {
            throw new LoadException(
                $"Line {headerLine}: no '{ExerciceHeader}' column, and no '{ExerciceHeader}' line in the header block.",
                LoadRunStatus.Failed, headerLine, ExerciceHeader);
        }

        return new InfBud53Columns(names)
        {
            Exercice = hasExerciceColumn ? Of(ExerciceHeader) : -1,
            Societe = Of("Société"),
            Programme = Of("Programme"),
            CentreFinancier = Of("Centre financier"),
            DomaineFonctionnel = Of("Domaine fonctionnel"),
            CentreCouts = Of("Centre de coûts"),
            Activite = Of("Référentiel de programmation"),
            EjNumero = Of("N° EJ"),
            EjPoste = Of("N° poste EJ"),
            TypeEj = Of("Type d'EJ"),
            DpNumero = Of("N° DP"),
            DpPoste = Of("N° poste DP"),
            TypePiece = Of("Type de pièce"),
            NatureDp = Of("Nature de DP"),
            Statut = Of("Statut de la DP"),
            DateBase = Of("Date de base de la DP"),
            DateDerniereOperation = Of("Date de dernière opération sur la DP"),
            DatePaiement = Of("Date de paiement"),
            Tiers = Of("Fournisseur payé (DP)"),
            CodeTaxe1 = Of("Code taxe 1"),
            CompteGeneral = Of("Compte général"),
            CompteBudgetaire = Of("Compte budgétaire"),
            GroupeMarchandises = Of("Groupe de marchandises"),
            Localisation = Of("Localisation interministérielle"),
            ServiceExecutant = Of("Service exécutant"),
            Montant = Of(AmountHeaders),
        };
    }

    public string NameOf(int ordinal) => ordinal >= 0 && ordinal < Names.Count ? Names[ordinal] : ExerciceHeader;
}
