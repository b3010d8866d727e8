"""Words around a product's name: "its Vela accelerator chips", "a Falcon 9 rocket", "branded X"."""

from __future__ import annotations

# Nouns after a product's name ("the Halcyon lunar lander", "its Ridgeline tent range"). With a possessive or
# an article before the name they make it a product's; without ("Nvidia chips") the name may be the maker's.
PRODUCT_NOUNS = frozenset(
    """app apps phone phones smartphone smartphones handset handsets tablet tablets laptop laptops console consoles
    headset headsets device devices gadget chip chips processor processors car cars vehicle vehicles crossover suv
    saloon hatchback truck trucks van drug drugs vaccine vaccines pill pills treatment jab model models range
    lander rover probe rocket rockets spacecraft capsule satellite satellites telescope aircraft jet jets plane
    planes drone drones helicopter ship ships vessel vessels submarine tank tanks missile missiles engine engines
    software platform chatbot assistant tool tools service subscription tent tents bike bikes scooter scooters
    battery batteries speaker speakers camera cameras watch watches game injection injections medicine medicines
    smartwatch smartwatches glasses earbuds e-bike e-bikes""".split())
# Nouns before a product's name: "the research ship Polar Tern", "the drug Veltrazine".
PRODUCT_KIND_BEFORE = frozenset(
    """ship vessel yacht ferry tanker submarine rocket lander rover probe spacecraft satellite telescope drug
    vaccine app chatbot console handset smartphone injection medicine smartwatch""".split())
# Last words of product names: "Chirrup Pro", "James Webb Space Telescope".
PRODUCT_NAME_ENDINGS = frozenset("pro max mini plus ultra lite telescope rover lander probe".split())
# "sold under brand names such as X", "branded X".
BRAND_WORDS = ("brand names such as", "brand name", "branded", "brands such as", "marketed as", "sold as",
               "under the brand")
# Words right before a product's name that say someone has or launched it: "its X", "the new X".
PRODUCT_DETERMINERS = frozenset("its their his her the a an new latest own whose".split())
# What is said of a product after its name, never of its maker: "Tesla's Cybertruck went on sale".
PRODUCT_PREDICATES = ("went on sale", "goes on sale", "go on sale", "will go on sale", "is on sale",
                      "was recalled", "were recalled")
# Words after the product noun of an apposition that end its head: "Zelvora, a weekly injection for heart
# failure" (but "X, a drug developer": the noun only qualifies another).
PRODUCT_APPOSITION_FOLLOWERS = frozenset(
    "for that which made from by with used developed designed built of in to and is was".split())
# Determiners of an apposition: "X, a ...", "X, its ...".
APPOSITION_DETERMINERS = frozenset("a an the its their his her".split())
# Product nouns that head an apposition after a product's name and never after a company's: "Zelvora, a
# weekly injection", "Kestrel, a two-seat aircraft" (not "service", "platform" or "app": "Uber, the
# ride-hailing app" is the company).
APPOSED_PRODUCT_NOUNS = frozenset(
    """drug drugs vaccine pill pills injection medicine treatment jab inhaler phone smartphone handset tablet
    laptop console headset smartwatch watch camera car vehicle truck suv saloon hatchback crossover rocket
    lander rover probe spacecraft capsule satellite telescope aircraft plane jet drone helicopter ship vessel
    yacht ferry tanker submarine missile e-bike scooter""".split())
