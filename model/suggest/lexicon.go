package suggest

import "strings"

// wordSet is a read-only set of lower-case words. The package-level sets
// below are built once at initialisation and never written afterwards.
type wordSet map[string]struct{}

func words(list string) wordSet {
	s := wordSet{}
	for _, w := range strings.Fields(list) {
		s[w] = struct{}{}
	}
	return s
}

func (s wordSet) has(w string) bool { _, ok := s[w]; return ok }

// cueKind says how a reporting verb relates a source to what follows it.
type cueKind uint8

const (
	cueSpeech    cueKind = iota + 1 // attributes direct or indirect speech: said, told, warned
	cueNaming                       // labels rather than quotes: called, described, dubbed
	cueAssertion                    // attributes a claim but not speech: estimated, showed, found
)

// cueForms maps every inflected form of a reporting verb to its kind.
var cueForms = buildCues()

func buildCues() map[string]cueKind {
	m := map[string]cueKind{}
	add := func(k cueKind, list string) {
		for _, w := range strings.Fields(list) {
			m[w] = k
		}
	}
	add(cueSpeech, `say says said saying tell tells told telling add adds added adding
		note notes noted noting warn warns warned warning insist insists insisted insisting
		emphasize emphasizes emphasized emphasise emphasises emphasised argue argues argued arguing
		claim claims claimed claiming deny denies denied denying confirm confirms confirmed confirming
		explain explains explained explaining ask asks asked reply replies replied replying
		write writes wrote written tweet tweets tweeted posted announce announces announced
		declare declares declared stated acknowledge acknowledges acknowledged admit admits admitted
		concede concedes conceded predict predicts predicted vow vows vowed pledge pledges pledged
		caution cautions cautioned recall recalls recalled suggest suggests suggested
		respond responds responded answer answers answered continued observe observes observed
		remark remarks remarked comment comments commented complain complains complained
		urge urges urged promise promises promised stress stresses stressed assert asserts asserted
		maintain maintains maintained contend contends contended allege alleges alleged
		testify testifies testified agree agrees agreed shouted whispered joked quipped recounted
		countered retorted concluded lamented boasted demanded reiterated underlined informed
		report reports reported mused wondered pleaded added accuse accuses accused accusing
		reads`)
	add(cueNaming, `call calls called calling describe describes described describing dub dubs dubbed
		term termed label labels labelled labeled brand branded nickname nicknamed`)
	add(cueAssertion, `estimate estimates estimated show shows showed shown find finds found
		expect expects expected believe believes believed blame blames blamed reject rejects rejected
		forecast forecasts projected calculated indicated indicates revealed reveals`)
	return m
}

// nounLikeCues are cue forms that are also common nouns ("a note", "the
// claim"); they count as verbs only when no determiner precedes them.
var nounLikeCues = words(`note notes claim claims reply replies tweet tweets vow vows pledge pledges
	report reports call calls answer answers remark remarks comment comments promise promises
	stress stresses warning estimate estimates show shows find finds forecast forecasts
	caution call label labels brand nickname term blame say`)

// directTitleCues directly before a quotation make it a title or a name.
var directTitleCues = words(`titled entitled headlined nicknamed dubbed named branded slogan hashtag
	motto banner headline`)

// determiners start a noun phrase.
var determiners = words(`the a an his her its their our my your this that these those some any
	every each no another`)

// definiteRefs before a small spelled-out number make it a reference ("the
// two countries"), not a quantity.
var definiteRefs = words(`the these those its their his her our my your both whose each`)

// pronounGender maps subject pronouns to the gender they refer to.
var pronounGender = map[string]gender{"he": male, "she": female, "him": male, "her": female,
	"it": neuter, "they": plural}

// skipBeforeVerb are auxiliaries and adverbs that may stand between a
// subject and its reporting verb ("Ostrov later said", "it has said").
var skipBeforeVerb = words(`has have had was is were are will would also later then again previously
	repeatedly publicly earlier once recently further still already never not did does do could
	can may might should must reportedly separately quickly briefly simply bluntly flatly angrily
	firmly privately openly herself himself themselves itself since however subsequently
	initially first now currently today yesterday tonight`)

// npStop ends a noun phrase scanned leftwards from a verb.
var npStop = words(`in on at to from by with without into onto over under after before during since
	until about against among between through across and or but nor than as that which who whom
	whose where when while if because although though so said says told also then is are was
	were be been being has have had will would could should can may might must do does did not
	asked there here what how why whether spoke met`)

// relStart begins a parenthetical segment between commas.
var relStart = words(`who whose which where when whom while wearing sitting speaking standing
	addressing citing however though meanwhile too also including aged according`)

// speechTitles are honorifics and ranks that precede a name.
var honorifics = words(`mr mrs ms miss mx dr prof sir dame lord lady madam mme mlle messrs`)

var titleHeads = words(`mr mrs ms miss mx dr prof sir dame lord lady gen col lt sgt capt maj adm cmdr
	gov sen rep rev supt insp det pres general colonel lieutenant sergeant captain major admiral
	commander governor senator representative congressman congresswoman reverend president
	premier chancellor minister secretary ambassador envoy judge justice magistrate attorney
	councillor councilor alderman mayor commissioner chief inspector superintendent detective
	officer sheriff constable king queen prince princess pope bishop archbishop cardinal father
	rabbi imam sheikh professor doctor chairman chairwoman chair director manager coach
	spokesman spokeswoman spokesperson leader analyst economist chairperson ceo head deputy
	organiser organizer correspondent editor counsel prosecutor lawyer vice`)

// orgHeads mark a capitalised run as an organisation, not a person.
var orgHeads = words(`ministry office board institute institution council committee agency department
	service services union party association bank company corp corporation inc ltd llc plc group
	trust college university court police kremlin government administration movement alliance
	chamber commission federation league club fund organization organisation authority
	directorate foundation network bureau parliament congress senate assembly cabinet army navy
	force forces guard command school hospital church society centre center times post news
	press radio television tv broadcaster airlines airline energy bureau reuters agency exchange
	federal nations consortium fc rovers city united`)

// placeHeads mark a capitalised run as a place or thing, not a person.
var placeHeads = words(`mount point sea ocean road street avenue lane valley river lake island islands
	hollow cross division storm hospital school university airport station bridge park square
	hall house tower fields field gate bay coast county province region district state republic
	kingdom day week flank hills hill forest mountain mountains desert canal port harbour harbor
	strait gulf peninsula plain plains heights cup league premier championship`)

// personRoleGender gives the gender implied by a role noun.
var personRoleGender = map[string]gender{
	"spokesman": male, "chairman": male, "businessman": male, "congressman": male,
	"councilman": male, "father": male, "son": male, "husband": male, "brother": male,
	"uncle": male, "grandfather": male, "boyfriend": male, "sportsman": male, "king": male,
	"prince": male, "mr": male, "sir": male, "lord": male,
	"spokeswoman": female, "chairwoman": female, "businesswoman": female,
	"congresswoman": female, "councilwoman": female, "mother": female, "daughter": female,
	"wife": female, "sister": female, "aunt": female, "grandmother": female,
	"girlfriend": female, "widow": female, "sportswoman": female, "queen": female,
	"princess": female, "mrs": female, "ms": female, "miss": female, "dame": female,
	"lady": female, "madam": female,
}

// sentenceStarters are words that commonly begin a sentence; after an
// ambiguous abbreviation ("U.S.", "Inc.") they signal a sentence break.
var sentenceStarters = words(`the a an he she it they we i but and in on at this that these those
	there his her its their our after as when while if for meanwhile however still yet so now
	then last earlier later since with by from what who how why some many most all both each no
	not officials police`)

// abbrevTitles are abbreviations that are always followed by a name and
// never end a sentence.
var abbrevTitles = words(`mr mrs ms dr gen col lt sgt capt maj adm gov sen rep rev prof st cmdr supt
	insp det pres brig cpl pvt lieut hon msgr mt ft`)

// abbrevOther are abbreviations that end a sentence only when a common
// sentence starter follows.
var abbrevOther = words(`jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur
	thurs fri inc corp ltd co no nos vs etc approx est dept univ assn bros jr sr ore calif fla
	ariz colo conn okla tenn tex wis wyo mich minn neb nev mont ky md va vt pa ga ala ark kan
	mass miss ill wash ind del la mo nc sc nd sd nh nj ny nm wva figs fig vol ch op para art`)

// changeVerbs say that a quantity moved ("rose from 6.8 to 7.5 percent").
var changeVerbs = words(`rise rises rose risen rising fall falls fell fallen falling increase increases
	increased increasing decrease decreases decreased grow grows grew grown drop drops dropped
	climb climbs climbed jump jumps jumped surge surged soar soared plunge plunged slump slumped
	decline declines declined cut cuts cutting raise raises raised raising lower lowers lowered
	reduce reduces reduced extend extends extended shorten shortened expand expanded shrink
	shrank boost boosted slash slashed hike hiked trim trimmed change changed move moved revise
	revised double doubled triple tripled halve halved up down narrow narrowed widen widened
	gained gain lost tumbled tumble eased ease rebounded accelerated slowed added`)

// claimChange are change verbs that make a sentence a factual claim.
var claimChange = words(`rose risen rises fell fallen falls doubled tripled halved quadrupled cut cuts
	increased decreased declined dropped climbed jumped surged soared plunged slumped tumbled grew
	grown shrank shrunk raised lowered reduced boosted expanded contracted gained slashed widened
	narrowed eased rebounded recovered accelerated slowed added lost`)

var claimSuperlative = words(`record largest highest lowest biggest smallest worst best most least
	fewest greatest strongest weakest deadliest longest shortest fastest slowest earliest oldest
	youngest richest poorest heaviest unprecedented all-time more less fewer higher lower larger
	smaller bigger greater worse better than`)

var claimCausal = words(`because caused causing resulted blamed owing thanks`)

var claimLegal = words(`law laws legal illegal illegally court courts ruling ruled judge sentenced
	sentence convicted charged charges guilty lawsuit sued constitution constitutional
	unconstitutional regulation regulations rules treaty agreement sanctions ban banned bill
	legislation statute decree prohibited required requirement requirements fined prosecutors
	indictment restitution parole exemptions mandatory permit licence license appeal`)

var claimPredict = words(`will expects expected forecast forecasts projected plans`)

var firstPerson = words(`i we my our me us`)

var opinionVerbs = words(`think believe feel hope want fear guess suppose wish`)

var hedges = words(`perhaps maybe might possibly probably arguably`)

var resolveWords = words(`will won’t won't shall must never cannot can’t can't ready determined going`)

var participleIrregular = words(`been killed fled lost made taken given seen done built cut spent found
	left held sent paid won told shown known put set hit kept brought bought caught fought
	thought taught sold struck begun broken chosen driven eaten fallen forgotten frozen gotten
	hidden ridden risen shaken spoken stolen sworn torn thrown woken worn written grown drawn
	flown shut spread split quit`)

var questionWords = words(`who what when where why how whether`)
