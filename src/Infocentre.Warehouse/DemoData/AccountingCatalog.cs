using Infocentre.Warehouse.Dimensions;

namespace Infocentre.Warehouse.DemoData;

/// <summary>
/// The general-accounting part of the plan comptable de l'État: the accounts the closing and inventory entries
/// need, and the mapping of every account onto the State's financial statements (bilan: actif/passif, poste,
/// sous-poste; compte de résultat: charges/produits, poste, sous-poste), after the Compte général de l'État.
/// </summary>
internal static class AccountingCatalog
{
    internal const string CompteReport = "1100000000";
    internal const string CompteProvisionsLitiges = "1511000000";
    internal const string CompteConstructionsEnCours = "2313000000";
    internal const string CompteInstallations = "2135000000";
    internal const string CompteDepreciations = "2913500000";
    internal const string CompteStocks = "3210000000";
    internal const string CompteFactureNonParvenues = "4081000000";
    internal const string CompteProduitsARecevoir = "4181000000";
    internal const string CompteRecettesAClasser = "4711000000";
    internal const string CompteDepensesARegulariser = "4721000000";
    internal const string CompteVariationStocks = "6032000000";
    internal const string CompteValeurCession = "6751000000";
    internal const string CompteDotationsProvisions = "6815000000";
    internal const string CompteDotationsDepreciations = "6816000000";
    internal const string CompteRedevances = "7062000000";
    internal const string CompteProduitsDivers = "7588000000";
    internal const string CompteReprisesProvisions = "7815000000";
    internal const string CompteReprisesDepreciations = "7816000000";
    internal const string CompteAutresPrestations = "6188000000";

    internal static readonly (string Code, string Libelle)[] Comptes =
    [
        (CompteReport, "Report des exercices antérieurs"),
        (CompteProvisionsLitiges, "Provisions pour litiges"),
        ("2818300000", "Amortissements du matériel de bureau et informatique"),
        (CompteDepreciations, "Dépréciations des installations générales"),
        (CompteStocks, "Matières et fournitures consommables"),
        (CompteProduitsARecevoir, "Clients - produits à recevoir"),
        (CompteRecettesAClasser, "Recettes à classer"),
        (CompteDepensesARegulariser, "Dépenses à régulariser"),
        (CompteVariationStocks, "Variation des stocks de matières et fournitures"),
        (CompteValeurCession, "Valeurs comptables des éléments d'actif cédés"),
        (CompteDotationsProvisions, "Dotations aux provisions pour risques et charges"),
        (CompteDotationsDepreciations, "Dotations aux dépréciations des immobilisations"),
        (CompteReprisesProvisions, "Reprises sur provisions pour risques et charges"),
        (CompteReprisesDepreciations, "Reprises sur dépréciations des immobilisations"),
    ];

    /// <summary>Adds the accounts above that the referential lacks, then maps every account onto the statements.</summary>
    public static void Complete(List<CompteGeneral> comptes)
    {
        var known = comptes.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        comptes.AddRange(Comptes.Where(c => !known.Contains(c.Code))
            .Select(c => new CompteGeneral { Code = c.Code, Libelle = c.Libelle, Classe = c.Code[..1] }));
        comptes.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        foreach (var compte in comptes)
        {
            (compte.Etat, compte.Rubrique, compte.Poste, compte.SousPoste) = Statement(compte.Code);
            compte.ClasseImmobilisation = FixedAssetClass(compte.Code);
        }
    }

    private const string Actif = "ACTIF";
    private const string Passif = "PASSIF";
    private const string Charges = "CHARGES";
    private const string Produits = "PRODUITS";
    private const string Bilan = "BILAN";
    private const string Resultat = "RESULTAT";

    private static (string, string, string, string) Statement(string code) => code switch
    {
        _ when code.StartsWith("10", StringComparison.Ordinal) => (Bilan, Passif, "Situation nette", "Écarts de réévaluation et d'intégration"),
        _ when code.StartsWith("11", StringComparison.Ordinal) => (Bilan, Passif, "Situation nette", "Report des exercices antérieurs"),
        _ when code.StartsWith("12", StringComparison.Ordinal) => (Bilan, Passif, "Situation nette", "Solde des opérations de l'exercice"),
        _ when code.StartsWith("151", StringComparison.Ordinal) => (Bilan, Passif, "Provisions pour risques et charges", "Provisions pour risques"),
        _ when code.StartsWith("15", StringComparison.Ordinal) => (Bilan, Passif, "Provisions pour risques et charges", "Provisions pour charges"),
        _ when code.StartsWith("16", StringComparison.Ordinal) => (Bilan, Passif, "Dettes financières", "Titres négociables et emprunts"),
        _ when code.StartsWith("20", StringComparison.Ordinal) || code.StartsWith("280", StringComparison.Ordinal)
            || code.StartsWith("290", StringComparison.Ordinal) => (Bilan, Actif, "Actif immobilisé", "Immobilisations incorporelles"),
        _ when code.StartsWith("26", StringComparison.Ordinal) || code.StartsWith("27", StringComparison.Ordinal)
            => (Bilan, Actif, "Actif immobilisé", "Immobilisations financières"),
        _ when code[0] == '2' => (Bilan, Actif, "Actif immobilisé", "Immobilisations corporelles"),
        _ when code[0] == '3' => (Bilan, Actif, "Actif circulant (hors trésorerie)", "Stocks"),
        _ when code.StartsWith("40", StringComparison.Ordinal) || code.StartsWith("42", StringComparison.Ordinal)
            => (Bilan, Passif, "Dettes non financières", "Dettes de fonctionnement"),
        _ when code.StartsWith("41", StringComparison.Ordinal) => (Bilan, Actif, "Actif circulant (hors trésorerie)", "Créances sur des clients redevables et comptes rattachés"),
        _ when code.StartsWith("471", StringComparison.Ordinal) => (Bilan, Passif, "Autres passifs", "Comptes transitoires et d'attente"),
        _ when code.StartsWith("47", StringComparison.Ordinal) => (Bilan, Actif, "Actif circulant (hors trésorerie)", "Comptes transitoires et d'attente"),
        _ when code[0] == '4' => (Bilan, Actif, "Actif circulant (hors trésorerie)", "Autres créances"),
        _ when code[0] == '5' => (Bilan, Actif, "Trésorerie", "Autres composantes de trésorerie"),
        _ when code.StartsWith("64", StringComparison.Ordinal) => (Resultat, Charges, "Charges de fonctionnement nettes", "Charges de personnel"),
        _ when code.StartsWith("651", StringComparison.Ordinal) => (Resultat, Charges, "Charges d'intervention nettes", "Transferts aux ménages"),
        _ when code.StartsWith("652", StringComparison.Ordinal) => (Resultat, Charges, "Charges d'intervention nettes", "Transferts aux entreprises"),
        _ when code.StartsWith("653", StringComparison.Ordinal) => (Resultat, Charges, "Charges d'intervention nettes", "Transferts aux collectivités territoriales"),
        _ when code.StartsWith("65", StringComparison.Ordinal) => (Resultat, Charges, "Charges d'intervention nettes", "Transferts aux autres collectivités"),
        _ when code.StartsWith("66", StringComparison.Ordinal) => (Resultat, Charges, "Charges financières nettes", "Intérêts"),
        _ when code.StartsWith("67", StringComparison.Ordinal) => (Resultat, Charges, "Charges de fonctionnement nettes", "Autres charges de fonctionnement"),
        _ when code.StartsWith("68", StringComparison.Ordinal) => (Resultat, Charges, "Charges de fonctionnement nettes", "Dotations aux amortissements, aux provisions et aux dépréciations"),
        _ when code[0] == '6' => (Resultat, Charges, "Charges de fonctionnement nettes", "Achats, variations de stocks et prestations externes"),
        _ when code.StartsWith("754", StringComparison.Ordinal) => (Resultat, Produits, "Produits d'intervention", "Amendes, prélèvements divers et autres pénalités"),
        _ when code.StartsWith("70", StringComparison.Ordinal) => (Resultat, Produits, "Produits de fonctionnement", "Ventes de produits et prestations de services"),
        _ when code.StartsWith("76", StringComparison.Ordinal) => (Resultat, Produits, "Produits financiers", "Produits financiers"),
        _ when code.StartsWith("78", StringComparison.Ordinal) => (Resultat, Produits, "Produits de fonctionnement", "Reprises sur provisions et sur dépréciations"),
        _ when code[0] == '7' => (Resultat, Produits, "Produits de fonctionnement", "Autres produits de fonctionnement"),
        _ => ("HORS", "HORS", "Hors états financiers", "Hors états financiers"),
    };

    private static string? FixedAssetClass(string code) => code switch
    {
        _ when code[0] != '2' => null,
        _ when code.StartsWith("28", StringComparison.Ordinal) => "Amortissements",
        _ when code.StartsWith("29", StringComparison.Ordinal) => "Dépréciations",
        _ when code.StartsWith("20", StringComparison.Ordinal) => "Immobilisations incorporelles",
        _ when code.StartsWith("23", StringComparison.Ordinal) => "Immobilisations corporelles en cours",
        _ when code.StartsWith("26", StringComparison.Ordinal) || code.StartsWith("27", StringComparison.Ordinal) => "Immobilisations financières",
        _ => "Immobilisations corporelles",
    };
}
