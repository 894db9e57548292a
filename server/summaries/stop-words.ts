// Small stop-word lists for the three languages of the product, written without accents
// (tokens are accent-folded before they are looked up). They only need to keep function words
// from making unrelated sentences look alike.

const EN = `a about above after again against all also am an and any are aren as at be because been before being below between
both but by can cannot could did do does doing don down during each even few for from further get gets got had has have
having he her here hers herself him himself his how however i if in into is isn it its itself just let like made make
many may me might more most much must my myself no nor not now of off often on once one only or other our ours ourselves out
over own per quite rather really same say says she should since so some such than that the their theirs them themselves then
there these they thing things think this those through thus to too under until up upon us very via was we well were what when
where whether which while who whom whose why will with within without would yes yet you your yours yourself yourselves`;

const FR = `a afin ai aie aient ainsi alors apres as au aucun aupres aussi autre autres aux avaient avais avait avant avec avez avoir
avons bien c ca car ce ceci cela celle celles celui cependant ces cet cette ceux chaque chez comme comment d dans de des
deja depuis donc dont du elle elles en encore entre es est et etaient etais etait etant ete etre eu eux fait faire fois
font il ils j je jusqu l la le les leur leurs lui m ma mais me meme mes moi moins mon n ne ni non nos notre nous on ont ou
par parce pas peu peut peuvent plus pour pourquoi qu quand que quel quelle quelles quels qui quoi s sa sans se selon ses si
sien soi soit son sont sous souvent sur t ta te tes toi ton tous tout toute toutes tres tu un une unes uns vers voici voila
vos votre vous y`;

const ES = `a al algo algunas algunos ante antes aquel aquella aquellas aquellos aqui asi aun aunque cada como con contra cual cuales
cuando de del desde donde dos el ella ellas ello ellos en entre era eran eres es esa esas ese eso esos esta estaba estaban
estado estamos estan estar estas este esto estos estoy fue fueron ha habia habian han hasta hay he la las le les lo los mas
me mi mis mucho muchos muy nada ni no nos nosotros nuestra nuestras nuestro nuestros o os otra otras otro otros para pero poco
por porque pues que quien quienes se sea sean segun ser si sido siempre sin sino sobre son su sus tambien tan tanto te tener
tiene tienen toda todas todo todos tu tus un una unas uno unos usted ustedes y ya yo`;

const toSet = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean));

export const STOP_WORDS = { en: toSet(EN), fr: toSet(FR), es: toSet(ES) } as const;
export type StopWordLanguage = keyof typeof STOP_WORDS;
