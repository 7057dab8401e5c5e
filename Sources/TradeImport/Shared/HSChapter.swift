/// The chapters of the Harmonized System, HS 2022 nomenclature, by number, with names shortened
/// from the chapter titles for lists of goods ("Mineral fuels and oils" for chapter 27, "Mineral
/// fuels, mineral oils and products of their distillation; bituminous substances; mineral waxes").
///
/// The titles were checked against the HS 2022 chapter list (the changes of 2022 included: chapter 15
/// "animal, vegetable or microbial" fats, chapter 16 preparations "or of insects", chapter 24 nicotine
/// products). Chapter 77 is reserved and has no title; 98 and 99 are for national use and are not HS
/// chapters, so they have none either.
enum HSChapter {
    /// The shortened name of chapter `number` (1–97), or nil for 77 and numbers that are not chapters.
    static func name(_ number: Int) -> String? {
        guard number >= 1, number <= 97, number != 77 else { return nil }
        return names[number - 1]
    }

    /// Whether `number` is a chapter of the nomenclature (01–97 but 77).
    static func isChapter(_ number: Int) -> Bool { name(number) != nil }

    /// "27".
    static func code(_ number: Int) -> String { number < 10 ? "0\(number)" : String(number) }

    /// Chapters 1…97 in order; the empty name of 77 is never returned.
    private static let names: [String] = [
        "Live animals",                                          // 01
        "Meat and edible offal",                                 // 02
        "Fish and crustaceans, molluscs",                        // 03
        "Dairy produce, eggs, honey",                            // 04
        "Other products of animal origin",                       // 05
        "Live plants and cut flowers",                           // 06
        "Vegetables, roots and tubers",                          // 07
        "Fruit and nuts",                                        // 08
        "Coffee, tea, maté and spices",                          // 09
        "Cereals",                                               // 10
        "Milling products, malt, starches",                      // 11
        "Oil seeds, grains, seeds and fodder",                   // 12
        "Lac, gums, resins, plant extracts",                     // 13
        "Vegetable plaiting materials",                          // 14
        "Animal, vegetable or microbial fats and oils",          // 15
        "Preparations of meat, fish or insects",                 // 16
        "Sugars and sugar confectionery",                        // 17
        "Cocoa and cocoa preparations",                          // 18
        "Preparations of cereals, flour or milk; bakery",        // 19
        "Preparations of vegetables, fruit or nuts",             // 20
        "Miscellaneous edible preparations",                     // 21
        "Beverages, spirits and vinegar",                        // 22
        "Food industry residues; animal fodder",                 // 23
        "Tobacco and nicotine products",                         // 24
        "Salt, sulphur, earths, stone, lime and cement",         // 25
        "Ores, slag and ash",                                    // 26
        "Mineral fuels and oils",                                // 27
        "Inorganic chemicals",                                   // 28
        "Organic chemicals",                                     // 29
        "Pharmaceutical products",                               // 30
        "Fertilisers",                                           // 31
        "Tanning and dyeing extracts, paints, inks",             // 32
        "Essential oils, perfumery and cosmetics",               // 33
        "Soap, washing and lubricating preparations, waxes",     // 34
        "Albuminoids, modified starches, glues, enzymes",        // 35
        "Explosives, pyrotechnics, matches",                     // 36
        "Photographic or cinematographic goods",                 // 37
        "Miscellaneous chemical products",                       // 38
        "Plastics",                                              // 39
        "Rubber",                                                // 40
        "Raw hides, skins and leather",                          // 41
        "Leather articles, travel goods, handbags",              // 42
        "Furskins and artificial fur",                           // 43
        "Wood and wood charcoal",                                // 44
        "Cork",                                                  // 45
        "Basketware and wickerwork",                             // 46
        "Wood pulp; recovered paper",                            // 47
        "Paper and paperboard",                                  // 48
        "Printed books, newspapers, pictures",                   // 49
        "Silk",                                                  // 50
        "Wool and animal hair",                                  // 51
        "Cotton",                                                // 52
        "Other vegetable textile fibres",                        // 53
        "Man-made filaments",                                    // 54
        "Man-made staple fibres",                                // 55
        "Wadding, felt, nonwovens, twine, ropes",                // 56
        "Carpets and textile floor coverings",                   // 57
        "Special woven fabrics, lace, embroidery",               // 58
        "Impregnated, coated or industrial textiles",            // 59
        "Knitted or crocheted fabrics",                          // 60
        "Apparel, knitted or crocheted",                         // 61
        "Apparel, not knitted or crocheted",                     // 62
        "Other made-up textiles; worn clothing",                 // 63
        "Footwear",                                              // 64
        "Headgear",                                              // 65
        "Umbrellas, walking-sticks, whips",                      // 66
        "Feathers, artificial flowers, human hair",              // 67
        "Articles of stone, plaster, cement",                    // 68
        "Ceramic products",                                      // 69
        "Glass and glassware",                                   // 70
        "Pearls, precious stones and metals, jewellery",         // 71
        "Iron and steel",                                        // 72
        "Articles of iron or steel",                             // 73
        "Copper",                                                // 74
        "Nickel",                                                // 75
        "Aluminium",                                             // 76
        "",                                                      // 77 (reserved)
        "Lead",                                                  // 78
        "Zinc",                                                  // 79
        "Tin",                                                   // 80
        "Other base metals, cermets",                            // 81
        "Tools and cutlery of base metal",                       // 82
        "Miscellaneous articles of base metal",                  // 83
        "Machinery, boilers, nuclear reactors",                  // 84
        "Electrical machinery and equipment",                    // 85
        "Railway locomotives and rolling stock",                 // 86
        "Vehicles other than railway",                           // 87
        "Aircraft and spacecraft",                               // 88
        "Ships and boats",                                       // 89
        "Optical, measuring and medical instruments",            // 90
        "Clocks and watches",                                    // 91
        "Musical instruments",                                   // 92
        "Arms and ammunition",                                   // 93
        "Furniture, bedding, lighting, prefabricated buildings", // 94
        "Toys, games and sports requisites",                     // 95
        "Miscellaneous manufactured articles",                   // 96
        "Works of art and antiques",                             // 97
    ]
}
