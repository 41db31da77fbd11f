namespace Infocentre.Warehouse.DemoData;

/// <summary>
/// Static reference material of the demo warehouse. Programme numbers, titles and missions are the real
/// ones (domain notes §5); codes and labels marked "proposed" in the comments are realistic inventions.
/// </summary>
internal static class DemoCatalog
{
    internal sealed record MinistryInfo(string Code, string Sigle, string Libelle, string CostCentrePrefix);

    internal sealed record MissionInfo(string Code, string Libelle);

    internal sealed record ActionInfo(int Numero, string Libelle, params (int Numero, string Libelle)[] SousActions);

    /// <summary>A programme, its central BOP/UO and the weights of the LOLF catégories it spends on.</summary>
    internal sealed record ProgrammeInfo(
        int Numero, string Libelle, string MissionCode, string MinistereCode, string CentralBop, string CentralUo,
        ProgrammeKind Kind, ActionInfo[] Actions);

    internal enum ProgrammeKind
    {
        /// <summary>Mostly transfers (associations, collectivités): many ZSUB EJs.</summary>
        Intervention,

        /// <summary>Mostly running costs and investment of State services.</summary>
        Operations,

        /// <summary>Operators' subsidies (SCSP), transfers and running costs.</summary>
        Education,

        /// <summary>Transfers to companies and employment bodies.</summary>
        Employment,
    }

    internal sealed record DepartementInfo(
        string Code, string Libelle, string Region, string RegionInsee, string Societe, string ChefLieu);

    internal sealed record AccountInfo(string Code, string Libelle);

    // ---- Ministries (Calculette Chorus sheet 02 for MIN01..MIN23; the other numbers are proposed) ----
    internal static readonly MinistryInfo[] Ministries =
    [
        new("MIN01", "MEAE", "Europe et affaires étrangères", "AEC"),
        new("MIN02", "MC", "Culture", "CUL"),
        new("MIN03", "MAA", "Agriculture et alimentation", "AGR"),
        new("MIN06", "MEN", "Éducation nationale et jeunesse", "EDU"),
        new("MIN07", "MACP", "Action et comptes publics", "ECO"),
        new("MIN09", "MI", "Intérieur et outre-mer", "ADC"),
        new("MIN10", "MINJU", "Justice", "DSJ"),
        new("MIN12", "SPM", "Services du Premier ministre", "SPM"),
        new("MIN13", "MTPEI", "Travail, plein emploi et insertion", "DRE"),
        new("MIN14", "MCT", "Cohésion des territoires et relations avec les collectivités territoriales", "CTR"),
        new("MIN15", "MSPS", "Solidarités et familles", "DSO"),
        new("MIN16", "MARM", "Armées", "DEF"),
        new("MIN17", "MESR", "Enseignement supérieur et recherche", "ESR"),
        new("MIN18", "MSJOP", "Sports, jeunesse et vie associative", "SJV"),
        new("MIN23", "MTES", "Transition écologique et cohésion des territoires", "TEC"),
    ];

    // ---- Missions (titles from the budget open data; two-letter codes proposed) ----
    internal static readonly MissionInfo[] Missions =
    [
        new("AE", "Action extérieure de l'État"),
        new("AG", "Administration générale et territoriale de l'État"),
        new("AP", "Aide publique au développement"),
        new("CT", "Cohésion des territoires"),
        new("DF", "Défense"),
        new("ES", "Enseignement scolaire"),
        new("IA", "Immigration, asile et intégration"),
        new("JU", "Justice"),
        new("RC", "Relations avec les collectivités territoriales"),
        new("RS", "Recherche et enseignement supérieur"),
        new("SE", "Sécurités"),
        new("SJ", "Sport, jeunesse et vie associative"),
        new("SI", "Solidarité, insertion et égalité des chances"),
        new("TE", "Travail et emploi"),
        new("CU", "Culture"),
        new("AA", "Agriculture, alimentation, forêt et affaires rurales"),
        new("EC", "Écologie, développement et mobilité durables"),
        new("DG", "Direction de l'action du Gouvernement"),
    ];

    // ---- Programmes: §5 of the domain notes (real numbers, titles, missions); action titles after the PAP ----
    internal static readonly ProgrammeInfo[] Programmes =
    [
        new(101, "Accès au droit et à la justice", "JU", "MIN10", "CAJU", "CSAD", ProgrammeKind.Intervention,
        [
            new(1, "Aide juridictionnelle"),
            new(2, "Développement de l'accès au droit et du réseau judiciaire de proximité"),
            new(3, "Aide aux victimes", (1, "Accueil et accompagnement des victimes"), (2, "Associations d'aide aux victimes")),
            new(4, "Médiation familiale et espaces de rencontre"),
        ]),
        new(102, "Accès et retour à l'emploi", "TE", "MIN13", "CDGE", "CEMP", ProgrammeKind.Employment,
        [
            new(1, "Amélioration de l'efficacité du service public de l'emploi"),
            new(2, "Amélioration des dispositifs en faveur de l'emploi des personnes les plus éloignées du marché du travail",
                (1, "Insertion par l'activité économique"), (2, "Parcours emploi compétences")),
            new(3, "Plan d'investissement des compétences"),
        ]),
        new(103, "Accompagnement des mutations économiques et développement de l'emploi", "TE", "MIN13", "CDGF", "CFOR",
            ProgrammeKind.Employment,
        [
            new(1, "Anticipation et accompagnement des conséquences des mutations économiques sur l'emploi",
                (1, "Aides aux employeurs d'apprentis"), (2, "Accompagnement des restructurations")),
            new(2, "Amélioration de l'insertion dans l'emploi par l'adaptation des qualifications et la reconnaissance des compétences"),
            new(3, "Développement de l'emploi"),
        ]),
        new(104, "Intégration et accès à la nationalité française", "IA", "MIN09", "CDGF", "CDAE", ProgrammeKind.Intervention,
        [
            new(11, "Accueil des étrangers primo arrivants"),
            new(12, "Actions d'accompagnement des étrangers en situation régulière", (15, "Actions Réfugiés"), (16, "Apprentissage du français")),
            new(14, "Accès à la nationalité française"),
            new(15, "Accompagnement des réfugiés"),
        ]),
        new(105, "Action de la France en Europe et dans le monde", "AE", "MIN01", "CDAE", "CDIP", ProgrammeKind.Operations,
        [
            new(1, "Coordination de l'action diplomatique"),
            new(2, "Action européenne"),
            new(4, "Contributions internationales"),
            new(6, "Soutien"),
            new(7, "Réseau diplomatique"),
        ]),
        new(107, "Administration pénitentiaire", "JU", "MIN10", "CDAP", "CDAP", ProgrammeKind.Operations,
        [
            new(1, "Garde et contrôle des personnes placées sous main de justice"),
            new(2, "Accueil et accompagnement des personnes placées sous main de justice"),
            new(4, "Soutien et formation"),
        ]),
        new(119, "Concours financiers aux collectivités territoriales et à leurs groupements", "RC", "MIN14", "CDGC", "CCOL",
            ProgrammeKind.Intervention,
        [
            new(1, "Soutien aux projets des communes et groupements de communes", (1, "Dotation d'équipement des territoires ruraux"), (2, "Dotation de soutien à l'investissement local")),
            new(2, "Soutien aux projets des départements et des régions"),
            new(3, "Dotation générale de décentralisation des communes"),
        ]),
        new(135, "Urbanisme, territoires et amélioration de l'habitat", "CT", "MIN14", "CDHL", "CLOG", ProgrammeKind.Intervention,
        [
            new(1, "Construction locative et amélioration du parc"),
            new(3, "Lutte contre l'habitat indigne"),
            new(4, "Réglementation, politique technique et qualité de la construction"),
            new(7, "Urbanisme et aménagement"),
        ]),
        new(139, "Enseignement privé du premier et du second degrés", "ES", "MIN06", "CDAF", "CPRI", ProgrammeKind.Education,
        [
            new(8, "Actions sociales en faveur des élèves"),
            new(10, "Fonctionnement des établissements"),
            new(12, "Soutien"),
        ]),
        new(140, "Enseignement scolaire public du premier degré", "ES", "MIN06", "CDAF", "CPR1", ProgrammeKind.Education,
        [
            new(1, "Enseignement pré-élémentaire"),
            new(2, "Enseignement élémentaire"),
            new(3, "Besoins éducatifs particuliers"),
            new(4, "Formation des personnels enseignants"),
        ]),
        new(141, "Enseignement scolaire public du second degré", "ES", "MIN06", "CDAF", "CSE2", ProgrammeKind.Education,
        [
            new(1, "Enseignement en collège"),
            new(2, "Enseignement général et technologique en lycée"),
            new(3, "Enseignement professionnel sous statut scolaire"),
            new(8, "Information et orientation"),
        ]),
        new(147, "Politique de la ville", "CT", "MIN14", "CANC", "CPVI", ProgrammeKind.Intervention,
        [
            new(1, "Actions territorialisées et dispositifs spécifiques de la politique de la ville",
                (1, "Contrats de ville"), (2, "Cités éducatives"), (3, "Adultes-relais")),
            new(2, "Revitalisation économique et emploi"),
            new(4, "Rénovation urbaine et amélioration du cadre de vie"),
        ]),
        new(150, "Formations supérieures et recherche universitaire", "RS", "MIN17", "CDGS", "CESR", ProgrammeKind.Education,
        [
            new(1, "Formation initiale et continue du baccalauréat à la licence"),
            new(2, "Formation initiale et continue de niveau master"),
            new(5, "Bibliothèques et documentation"),
            new(14, "Immobilier"),
            new(17, "Recherche"),
        ]),
        new(151, "Français à l'étranger et affaires consulaires", "AE", "MIN01", "CFAE", "CCON", ProgrammeKind.Operations,
        [
            new(1, "Offre d'un service public de qualité aux Français à l'étranger"),
            new(2, "Accès des élèves français au réseau de l'AEFE"),
            new(3, "Instruction des demandes de visa"),
        ]),
        new(152, "Gendarmerie nationale", "SE", "MIN09", "CDGN", "CGN5", ProgrammeKind.Operations,
        [
            new(1, "Ordre et sécurité publics"),
            new(2, "Sécurité routière"),
            new(3, "Missions de police judiciaire et concours à la justice"),
            new(4, "Commandement, ressources humaines et logistique", (1, "Immobilier de la gendarmerie"), (2, "Moyens mobiles")),
        ]),
        new(161, "Sécurité civile", "SE", "MIN09", "CDSC", "CSCV", ProgrammeKind.Operations,
        [
            new(11, "Prévention et gestion de crises"),
            new(12, "Préparation et interventions spécialisées des moyens nationaux"),
            new(13, "Soutien aux acteurs de la sécurité civile"),
        ]),
        new(163, "Jeunesse et vie associative", "SJ", "MIN18", "CJVA", "CJEP", ProgrammeKind.Intervention,
        [
            new(1, "Développement de la vie associative", (1, "Fonds pour le développement de la vie associative"), (2, "Soutien aux têtes de réseau")),
            new(2, "Actions en faveur de la jeunesse et de l'éducation populaire"),
            new(4, "Développement du service civique"),
            new(6, "Service national universel"),
        ]),
        new(176, "Police nationale", "SE", "MIN09", "CDPN", "CPN1", ProgrammeKind.Operations,
        [
            new(1, "Ordre public et protection de la souveraineté"),
            new(2, "Sécurité et paix publiques"),
            new(4, "Police des étrangers et sûreté des transports internationaux"),
            new(6, "Commandement, ressources humaines et logistique", (1, "Immobilier"), (2, "Systèmes d'information et de communication")),
        ]),
        new(177, "Hébergement, parcours vers le logement et insertion des personnes vulnérables", "CT", "MIN14", "CDHE", "CHEB",
            ProgrammeKind.Intervention,
        [
            new(11, "Prévention de l'exclusion"),
            new(12, "Hébergement et logement adapté", (1, "Centres d'hébergement et de réinsertion sociale"), (2, "Intermédiation locative")),
            new(14, "Conduite et animation des politiques de l'hébergement et de l'inclusion sociale"),
        ]),
        new(178, "Préparation et emploi des forces", "DF", "MIN16", "CEMA", "CFOR", ProgrammeKind.Operations,
        [
            new(1, "Planification des moyens et conduite des opérations"),
            new(2, "Préparation des forces terrestres"),
            new(3, "Préparation des forces navales"),
            new(5, "Logistique et soutien interarmées"),
        ]),
        new(185, "Diplomatie culturelle et d'influence", "AE", "MIN01", "CDCI", "CINF", ProgrammeKind.Education,
        [
            new(1, "Animation du réseau"),
            new(2, "Coopération culturelle et promotion du français"),
            new(4, "Attractivité et recherche"),
            new(5, "Agence pour l'enseignement français à l'étranger"),
        ]),
        new(207, "Sécurité et éducation routières", "SE", "MIN09", "CDSR", "CDSR", ProgrammeKind.Operations,
        [
            new(1, "Observation, prospective, réglementation et soutien au programme"),
            new(2, "Démarches interministérielles et communication"),
            new(3, "Éducation routière"),
        ]),
        new(209, "Solidarité à l'égard des pays en développement", "AP", "MIN01", "CDGM", "CAPD", ProgrammeKind.Intervention,
        [
            new(2, "Coopération bilatérale", (1, "Aide projet"), (2, "Organisations de la société civile")),
            new(5, "Coopération multilatérale"),
            new(7, "Coopération communautaire"),
        ]),
        new(212, "Soutien de la politique de la défense", "DF", "MIN16", "CSGA", "CSGA", ProgrammeKind.Operations,
        [
            new(4, "Politique immobilière"),
            new(5, "Systèmes d'information, d'administration et de gestion"),
            new(6, "Politiques des ressources humaines"),
            new(8, "Politique culturelle et éducative"),
        ]),
        new(214, "Soutien de la politique de l'éducation nationale", "ES", "MIN06", "CSGE", "CSGE", ProgrammeKind.Operations,
        [
            new(1, "Pilotage et mise en oeuvre des politiques éducatives"),
            new(2, "Évaluation et contrôle"),
            new(8, "Logistique, système d'information, immobilier"),
        ]),
        new(216, "Conduite et pilotage des politiques de l'intérieur", "AG", "MIN09", "CSGI", "CSGI", ProgrammeKind.Operations,
        [
            new(1, "État-major et services centraux"),
            new(3, "Numérique"),
            new(4, "Affaires juridiques et contentieuses"),
            new(10, "Fonds interministériel de prévention de la délinquance", (1, "Prévention de la radicalisation"), (2, "Vidéoprotection")),
        ]),
        new(219, "Sport", "SJ", "MIN18", "CSPO", "CSPO", ProgrammeKind.Intervention,
        [
            new(1, "Promotion du sport pour le plus grand nombre"),
            new(2, "Développement du sport de haut niveau"),
            new(3, "Prévention par le sport et protection des sportifs"),
            new(4, "Promotion des métiers du sport"),
        ]),
        new(230, "Vie de l'élève", "ES", "MIN06", "CDVE", "CVEL", ProgrammeKind.Education,
        [
            new(1, "Vie scolaire et éducation à la responsabilité"),
            new(2, "Santé scolaire"),
            new(3, "Inclusion scolaire des élèves en situation de handicap"),
            new(4, "Action sociale"),
            new(6, "Actions éducatives complémentaires aux enseignements"),
        ]),
        new(304, "Inclusion sociale et protection des personnes", "SI", "MIN15", "CDCS", "CINC", ProgrammeKind.Intervention,
        [
            new(11, "Prime d'activité et autres dispositifs"),
            new(14, "Aide alimentaire"),
            new(16, "Protection juridique des majeurs"),
            new(17, "Protection et accompagnement des enfants, des jeunes et des familles vulnérables"),
        ]),
        new(350, "Jeux olympiques et paralympiques 2024", "SJ", "MIN18", "CJOP", "CJOP", ProgrammeKind.Intervention,
        [
            new(1, "Société de livraison des ouvrages olympiques et paralympiques"),
            new(2, "Comité d'organisation des jeux olympiques et paralympiques"),
            new(3, "Héritage des jeux olympiques et paralympiques"),
        ]),
        new(354, "Administration territoriale de l'État", "AG", "MIN09", "CDMA", "CDAT", ProgrammeKind.Operations,
        [
            new(1, "Coordination de la sécurité des personnes et des biens"),
            new(2, "Réglementation générale, garantie de l'identité et de la nationalité et délivrance des titres"),
            new(3, "Contrôle de légalité et conseil aux collectivités territoriales"),
            new(5, "Fonctionnement courant de l'administration territoriale"),
            new(6, "Dépenses immobilières de l'administration territoriale"),
        ]),
        // Verified programme codes outside §5's table (titles as in the PAP).
        new(175, "Patrimoines", "CU", "MIN02", "CDPA", "CPAT", ProgrammeKind.Intervention,
        [
            new(1, "Monuments historiques et patrimoine monumental"),
            new(2, "Architecture et espaces protégés"),
            new(3, "Patrimoine des musées de France"),
        ]),
        new(206, "Sécurité et qualité sanitaires de l'alimentation", "AA", "MIN03", "CDGA", "CSAL", ProgrammeKind.Operations,
        [
            new(1, "Prévention et gestion des risques inhérents à la production végétale"),
            new(2, "Lutte contre les maladies animales et protection des animaux"),
            new(6, "Mise en oeuvre de la politique de sécurité et de qualité sanitaires de l'alimentation"),
        ]),
        new(181, "Prévention des risques", "EC", "MIN23", "CDPR", "CRIS", ProgrammeKind.Operations,
        [
            new(1, "Prévention des risques technologiques et des pollutions"),
            new(10, "Prévention des risques naturels et hydrauliques"),
            new(13, "Institut national de l'environnement industriel et des risques"),
        ]),
        new(129, "Coordination du travail gouvernemental", "DG", "MIN12", "CSGG", "CSGG", ProgrammeKind.Operations,
        [
            new(1, "Coordination du travail gouvernemental"),
            new(2, "Coordination de la sécurité et de la défense"),
            new(15, "Mission interministérielle de lutte contre les drogues et les conduites addictives"),
        ]),
        new(156, "Gestion fiscale et financière de l'État et du secteur public local", "AG", "MIN07", "CDGF", "CDFP", ProgrammeKind.Operations,
        [
            new(2, "Fiscalité des grandes entreprises"),
            new(9, "Soutien"),
        ]),
    ];

    /// <summary>The programmes of the tiny data set: two ministries, three programmes.</summary>
    internal static readonly int[] TinyProgrammes = [163, 176, 354];

    // ---- Départements: région (current name), INSEE région code, Chorus société (former regions), chef-lieu ----
    internal static readonly DepartementInfo[] Departements =
    [
        new("075", "Paris", "Île-de-France", "11", "IDF1", "PARIS"),
        new("092", "Hauts-de-Seine", "Île-de-France", "11", "IDF1", "NANTERRE"),
        new("093", "Seine-Saint-Denis", "Île-de-France", "11", "IDF1", "BOBIGNY"),
        new("094", "Val-de-Marne", "Île-de-France", "11", "IDF1", "CRETEIL"),
        new("035", "Ille-et-Vilaine", "Bretagne", "53", "BRET", "RENNES"),
        new("029", "Finistère", "Bretagne", "53", "BRET", "QUIMPER"),
        new("013", "Bouches-du-Rhône", "Provence-Alpes-Côte d'Azur", "93", "PACA", "MARSEILLE"),
        new("006", "Alpes-Maritimes", "Provence-Alpes-Côte d'Azur", "93", "PACA", "NICE"),
        new("083", "Var", "Provence-Alpes-Côte d'Azur", "93", "PACA", "TOULON"),
        new("069", "Rhône", "Auvergne-Rhône-Alpes", "84", "RHAL", "LYON"),
        new("038", "Isère", "Auvergne-Rhône-Alpes", "84", "RHAL", "GRENOBLE"),
        new("063", "Puy-de-Dôme", "Auvergne-Rhône-Alpes", "84", "AUVE", "CLERMONT-FERRAND"),
        new("033", "Gironde", "Nouvelle-Aquitaine", "75", "AQUI", "BORDEAUX"),
        new("087", "Haute-Vienne", "Nouvelle-Aquitaine", "75", "LIMO", "LIMOGES"),
        new("031", "Haute-Garonne", "Occitanie", "76", "MPYR", "TOULOUSE"),
        new("034", "Hérault", "Occitanie", "76", "LANG", "MONTPELLIER"),
        new("059", "Nord", "Hauts-de-France", "32", "NPDC", "LILLE"),
        new("080", "Somme", "Hauts-de-France", "32", "PICA", "AMIENS"),
        new("067", "Bas-Rhin", "Grand Est", "44", "ALSA", "STRASBOURG"),
        new("057", "Moselle", "Grand Est", "44", "LORR", "METZ"),
        new("051", "Marne", "Grand Est", "44", "CHAM", "CHALONS-EN-CHAMPAGNE"),
        new("076", "Seine-Maritime", "Normandie", "28", "HNOR", "ROUEN"),
        new("014", "Calvados", "Normandie", "28", "BNOR", "CAEN"),
        new("044", "Loire-Atlantique", "Pays de la Loire", "52", "PDLO", "NANTES"),
        new("045", "Loiret", "Centre-Val de Loire", "24", "CENT", "ORLEANS"),
        new("021", "Côte-d'Or", "Bourgogne-Franche-Comté", "27", "BOUR", "DIJON"),
        new("025", "Doubs", "Bourgogne-Franche-Comté", "27", "FRCO", "BESANCON"),
        new("02A", "Corse-du-Sud", "Corse", "94", "CORS", "AJACCIO"),
        new("971", "Guadeloupe", "Guadeloupe", "01", "DOM1", "BASSE-TERRE"),
        new("972", "Martinique", "Martinique", "02", "DOM2", "FORT-DE-FRANCE"),
        new("974", "La Réunion", "La Réunion", "04", "DOM4", "SAINT-DENIS"),
    ];

    /// <summary>Départements of the tiny data set.</summary>
    internal static readonly string[] TinyDepartements = ["075", "035", "013"];

    /// <summary>The société of the central administration and the region Data.Subvention gives it.</summary>
    internal const string CentralSociete = "ADCE";

    internal const string CentralRegion = "Administration centrale";

    /// <summary>Sociétés (entités comptables). ADCE, BRET, HNOR, IDF1, PACA, ALSA, LORR, DOM1-DOM4 are real codes; the others are proposed.</summary>
    internal static readonly (string Code, string Libelle)[] Societes =
    [
        ("ADCE", "Administration centrale"),
        ("IDF1", "Île-de-France"),
        ("BRET", "Bretagne"),
        ("PACA", "Provence-Alpes-Côte d'Azur"),
        ("RHAL", "Rhône-Alpes"),
        ("AUVE", "Auvergne"),
        ("AQUI", "Aquitaine"),
        ("LIMO", "Limousin"),
        ("MPYR", "Midi-Pyrénées"),
        ("LANG", "Languedoc-Roussillon"),
        ("NPDC", "Nord-Pas-de-Calais"),
        ("PICA", "Picardie"),
        ("ALSA", "Alsace"),
        ("LORR", "Lorraine"),
        ("CHAM", "Champagne-Ardenne"),
        ("HNOR", "Haute-Normandie"),
        ("BNOR", "Basse-Normandie"),
        ("PDLO", "Pays de la Loire"),
        ("CENT", "Centre"),
        ("BOUR", "Bourgogne"),
        ("FRCO", "Franche-Comté"),
        ("CORS", "Corse"),
        ("DOM1", "Guadeloupe"),
        ("DOM2", "Martinique"),
        ("DOM4", "La Réunion"),
    ];

    // ---- LOLF catégories (titre 2, 3, 5, 6) and the comptes budgétaires that carry them ----
    internal static readonly (string Code, string Libelle, int Titre, string TitreLibelle)[] Categories =
    [
        ("21", "Rémunérations d'activité", 2, "Dépenses de personnel"),
        ("22", "Cotisations et contributions sociales", 2, "Dépenses de personnel"),
        ("23", "Prestations sociales et allocations diverses", 2, "Dépenses de personnel"),
        ("31", "Dépenses de fonctionnement autres que celles de personnel", 3, "Dépenses de fonctionnement"),
        ("32", "Subventions pour charges de service public", 3, "Dépenses de fonctionnement"),
        ("51", "Dépenses pour immobilisations corporelles de l'État", 5, "Dépenses d'investissement"),
        ("52", "Dépenses pour immobilisations incorporelles de l'État", 5, "Dépenses d'investissement"),
        ("61", "Transferts aux ménages", 6, "Dépenses d'intervention"),
        ("62", "Transferts aux entreprises", 6, "Dépenses d'intervention"),
        ("63", "Transferts aux collectivités territoriales", 6, "Dépenses d'intervention"),
        ("64", "Transferts aux autres collectivités", 6, "Dépenses d'intervention"),
    ];

    internal static readonly (string Code, string Libelle, string Categorie)[] ComptesBudgetaires =
    [
        ("21", "Rémunérations d'activité", "21"),
        ("22", "Cotisations et contributions sociales", "22"),
        ("23", "Prestations sociales et allocations diverses", "23"),
        ("31", "Dépenses de fonctionnement", "31"),
        ("32", "Subventions pour charges de service public", "32"),
        ("51", "Immobilisations corporelles", "51"),
        ("52", "Immobilisations incorporelles", "52"),
        ("61", "Transferts aux ménages", "61"),
        ("62", "Transferts aux entreprises", "62"),
        ("63", "Transferts aux collectivités territoriales", "63"),
        ("64", "Transferts aux autres collectivités", "64"),
    ];

    // ---- Plan comptable de l'État (10-digit accounts; labels after the PCE, a few real ones from exports) ----
    internal static readonly AccountInfo[] ComptesGeneraux =
    [
        new("2051000000", "Logiciels et progiciels"),
        new("2135000000", "Installations générales, agencements, aménagements"),
        new("2182000000", "Matériel de transport"),
        new("2183000000", "Matériel de bureau et matériel informatique"),
        new("2313000000", "Constructions en cours"),
        new("2813500000", "Amortissements des installations générales"),
        new("4011000000", "Fournisseurs"),
        new("4081000000", "Fournisseurs - factures non parvenues"),
        new("4111100000", "Clients"),
        new("4210000000", "Personnel - rémunérations dues"),
        new("5151000000", "Compte courant du Trésor"),
        new("6061000000", "Fournitures non stockables (eau, énergie)"),
        new("6064000000", "Fournitures administratives"),
        new("6113110000", "Achats de prestations de services"),
        new("6132000000", "Locations immobilières"),
        new("6135000000", "Locations mobilières"),
        new("6156000000", "Maintenance"),
        new("6161000000", "FRAIS POSTAUX"),
        new("6188000000", "AUTRES PREST SERVICE"),
        new("6226000000", "Honoraires"),
        new("6251000000", "Voyages et déplacements"),
        new("6262000000", "Frais de télécommunications"),
        new("6411000000", "Rémunérations principales"),
        new("6512300000", "Transferts aux ménages"),
        new("6522800000", "Transferts aux entreprises"),
        new("6531000000", "Transferts aux collectivités territoriales"),
        new("6541100000", "TD EPA ET EPSCP EPST"),
        new("6574000000", "Transferts aux associations et fondations"),
        new("6811000000", "Dotations aux amortissements"),
        new("7061000000", "Prestations de services"),
        new("7062000000", "Redevances pour services rendus"),
        new("7083000000", "Locations diverses et redevances d'occupation du domaine"),
        new("7541000000", "Amendes et pénalités"),
        new("7588000000", "Autres produits divers de gestion courante"),
        new("7751000000", "Produits des cessions d'éléments d'actif"),
        new("7791000000", "Reversements et remboursements d'indus"),
    ];

    internal const string CompteFournisseurs = "4011000000";
    internal const string CompteClients = "4111100000";
    internal const string CompteTresor = "5151000000";
    internal const string ComptePersonnel = "4210000000";
    internal const string CompteRemunerations = "6411000000";
    internal const string CompteDotations = "6811000000";
    internal const string CompteAmortissements = "2813500000";

    internal static readonly (string Code, string Libelle)[] GroupesMarchandises =
    [
        ("01.01.01", "EX-AI EXPÉDITION"),
        ("09.02.01", "Carburants"),
        ("12.01.01", "Prestations intellectuelles"),
        ("14.01.01", "Fournitures de bureau"),
        ("17.02.01", "Électricité"),
        ("17.03.01", "Gaz"),
        ("19.01.01", "Matériel informatique"),
        ("22.01.02", "Téléphonie"),
        ("25.01.01", "Nettoyage des locaux"),
        ("28.02.01", "Entretien des bâtiments"),
        ("31.01.01", "Véhicules"),
        ("36.01.01", "Dépenses de fonctionnement diverses"),
        ("38.01.01", "Formation professionnelle"),
        ("40.01.01", "Déplacements professionnels"),
        ("41.01.01", "Loyers"),
    ];

    /// <summary>Branches of tiers. Z004 and Z039 labels are real; the acceptance set is Data.Subvention's; other labels are proposed.</summary>
    internal static readonly (string Code, string Libelle, bool Subventionnable)[] Branches =
    [
        ("Z001", "Personnes physiques", false),
        ("Z004", "Entpr.ou Ste com.", true),
        ("Z007", "Etablissements publics", true),
        ("Z010", "Fournisseurs étrangers", false),
        ("Z030", "Agents de l'Etat", false),
        ("Z039", "Associations", true),
        ("Z040", "Fondations", true),
        ("Z041", "Collectivités territoriales", true),
        ("Z044", "Groupements d'intérêt public", true),
    ];

    internal static readonly (string Code, string Libelle)[] TypesEj =
    [
        ("ZBAU", "Baux"),
        ("ZBC", "Bon de commande"),
        ("ZCTR", "Autres contrats"),
        ("ZDEC", "Décisions diverses"),
        ("ZEJ4", "EJ Flux 4"),
        ("ZMBC", "Marché à BDC"),
        ("ZMPC", "MAPA à BDC"),
        ("ZMPT", "MAPA à tranches"),
        ("ZMPU", "MAPA unique"),
        ("ZMPX", "MAPA mixte"),
        ("ZMT", "Marché à tranches"),
        ("ZMU", "Marché unique"),
        ("ZMX", "Marché mixte"),
        ("ZSUB", "Subventions"),
    ];

    /// <summary>Types de montant (jp51 documentation). 350 carries the bascule of EJ not settled at year end.</summary>
    internal static readonly (string Code, string Libelle)[] TypesMontant =
    [
        ("100", "Original"),
        ("150", "Modification"),
        ("200", "Réduction"),
        ("350", "Report exercice suivant"),
        ("500", "Ajustement par pièce suivante"),
        ("600", "Changement d'imputation émetteur"),
        ("650", "Changement d'imputation récepteur"),
    ];

    internal const string TypeMontantOriginal = "100";
    internal const string TypeMontantModification = "150";
    internal const string TypeMontantReduction = "200";
    internal const string TypeMontantBascule = "350";

    internal static readonly (string Code, string Libelle)[] NaturesDp =
    [
        ("2.1", "Locations et charges immobilières"),
        ("2.2", "Télécom, énergie, eau"),
        ("2.3", "Marchés publics"),
        ("3.0", "Code technique"),
        ("3.1", "Frais de déplacement"),
        ("3.2", "Bourses"),
        ("3.3", "Autres dépenses barêmées"),
        ("3.4", "Changement de résidence"),
        ("4.1", "Subventions aux ménages"),
        ("4.2", "Subventions aux entreprises"),
        ("4.3", "Subventions aux collectivités"),
        ("4.4", "Subventions européennes"),
        ("5.0", "Paie / capitaux décès"),
        ("6.0", "Dépenses sans ordonnancement"),
        ("9.9", "Autres"),
    ];

    /// <summary>Natures of non-tax revenue (proposed codes) with the class-7 account each is booked to.</summary>
    internal static readonly (string Code, string Libelle, string Compte)[] NaturesRecette =
    [
        ("AMD", "Amendes et condamnations pécuniaires", "7541000000"),
        ("RDP", "Redevances d'occupation du domaine public", "7083000000"),
        ("RSR", "Redevances pour services rendus", "7062000000"),
        ("PSV", "Produits des ventes de biens et prestations de services", "7061000000"),
        ("CES", "Produits de cession d'actifs", "7751000000"),
        ("IND", "Recettes sur constatation d'indu", "7791000000"),
        ("RBF", "Remboursements de frais", "7588000000"),
        ("FDC", "Fonds de concours", "7588000000"),
    ];

    internal static readonly string[] ModesReglement = ["Virement", "Chèque", "Carte", "Numéraire", "Compensation"];

    // ---- Words for names ----
    internal static readonly string[] AssociationKinds =
    [
        "ASSOCIATION SPORTIVE", "FOYER RURAL", "LIGUE DE L'ENSEIGNEMENT", "MAISON DES JEUNES ET DE LA CULTURE",
        "UNION SPORTIVE", "COMITE DEPARTEMENTAL OLYMPIQUE", "SECOURS POPULAIRE FEDERATION", "RESTOS DU COEUR ANTENNE",
        "ASSOCIATION D'AIDE AUX VICTIMES", "CENTRE SOCIAL", "CLUB DE PREVENTION", "FEDERATION DES CENTRES SOCIAUX",
        "ASSOCIATION DEPARTEMENTALE D'INSERTION", "CROIX-ROUGE FRANCAISE DELEGATION", "ECOLE DES PARENTS",
        "ASSOCIATION CULTURELLE", "AMICALE LAIQUE", "OFFICE MUNICIPAL DES SPORTS", "JEUNESSE AU PLEIN AIR",
        "FRANCE BENEVOLAT", "ASSOCIATION D'EDUCATION POPULAIRE", "ASSOCIATION POUR LE LOGEMENT DES JEUNES",
    ];

    internal static readonly string[] CompanyWords =
    [
        "BATIMENT", "INFORMATIQUE", "SERVICES", "NETTOYAGE", "ENERGIE", "CONSEIL", "TRANSPORTS", "IMPRIMERIE",
        "SECURITE", "RESTAURATION", "TELECOM", "MAINTENANCE", "FOURNITURES", "INGENIERIE", "FORMATION",
    ];

    internal static readonly string[] CompanyForms = ["SAS", "SARL", "SA", "EURL"];

    internal static readonly string[] PublicBodies =
    [
        "UNIVERSITE", "CENTRE HOSPITALIER", "AGENCE REGIONALE", "LYCEE", "COLLEGE", "CENTRE REGIONAL DES OEUVRES UNIVERSITAIRES",
        "ETABLISSEMENT PUBLIC FONCIER", "CHAMBRE DE COMMERCE ET D'INDUSTRIE",
    ];

    internal static readonly string[] Surnames =
    [
        "MARTIN", "BERNARD", "THOMAS", "PETIT", "ROBERT", "RICHARD", "DURAND", "DUBOIS", "MOREAU", "LAURENT",
        "SIMON", "MICHEL", "LEFEBVRE", "LEROY", "ROUX", "DAVID", "BERTRAND", "MOREL", "FOURNIER", "GIRARD",
    ];

    internal static readonly string[] GivenNames =
    [
        "MARIE", "JEAN", "PIERRE", "NATHALIE", "ISABELLE", "PHILIPPE", "SOPHIE", "NICOLAS", "CAMILLE", "LUCAS",
        "LEA", "HUGO", "CHLOE", "LOUIS", "EMMA", "JULIEN",
    ];

    internal static readonly string[] ForeignCountries = ["BELGIQUE", "ALLEMAGNE", "ESPAGNE", "ITALIE", "SUISSE", "CANADA"];

    internal static readonly string[] ActivityWords =
    [
        "Fonctionnement courant", "Subventions aux associations", "Immobilier", "Systèmes d'information",
        "Formation", "Communication", "Partenariats locaux", "Équipement", "Études et expertises", "Action sociale",
    ];
}
