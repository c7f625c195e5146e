/**
 * Common words that tell Latin-script languages apart in short chat turns. Function words and everyday support
 * vocabulary, weighted by how distinctive they are (1 = only this language writes it, lower = shared or short).
 * Romanized Indic lists are matched on the spelling-tolerant key (see `romanKey`), so one entry covers the usual
 * spellings; still-distinct spellings ("nahi"/"nhi"/"nai") are listed separately.
 */

export type LatinLanguage = 'en' | 'es' | 'hi-Latn' | 'ta-Latn' | 'te-Latn';

type WeightedWords = Record<string, number>;

function words(list: string, weight: number, into: WeightedWords = {}): WeightedWords {
  for (const w of list.split(/\s+/)) if (w) into[w] = weight;
  return into;
}

const en = words(
  'the and is are was were am be been have has had do does did not this that these those with from what which who whom ' +
    'how why when where there their they them you your yours my mine our we us he she his her it its of for to in on ' +
    'at by an or but if then than because about would should could will can may might please thanks thank hello hey ' +
    'yes yeah yep okay sorry order account payment refund issue problem help still already just also again only very ' +
    'really got get getting received receive working work tried try since yesterday today tomorrow week days been any ' +
    'anything something nothing everything some all none sure great good fine happy day morning evening',
  1,
);
words('i a so me hi no ok', 0.4, en);

const es = words(
  'el la los las de del que y en un una unos unas es son está estoy están estaba por para con sin pero muy mi mis ' +
    'su sus tu tus usted ustedes nosotros yo él ella ellos hola gracias buenos buenas días dia tardes noches cuenta ' +
    'pedido pago reembolso ayuda ayudar puedo puede pueden quiero necesito tengo tiene hace cómo como qué dónde donde ' +
    'cuándo cuando porque también ya todavía aún nada todo algo bien mal señor señora favor problema llegó llego ' +
    'recibí recibido hoy ayer mañana semana nunca vez veces otra otro esto eso este esta ese esa sí claro vale ' +
    'perfecto listo disculpe disculpa lo siento lamento le les nos se te al hasta desde cuál cual hay fue sido ' +
    'estado hecho favor saludos atentamente estimado estimada cliente número numero correo tarjeta cobro cobraron ' +
    'compra envío envio entrega días semanas',
  1,
);
words('no a', 0.3, es);
words('me', 0.5, es);

/** Romanized Hindi (Hinglish). Keys are built with romanKey at load time. */
const hiLatn = words(
  'hai hain nahi nahin nhi nai kya kia mera meri mere mujhe mujhko aap aapka aapki aapke apka apki apke hum humara ' +
    'hamara tum tumhara kar karo karna kiya kiye kijiye karein karen kare raha rahi rahe gaya gayi gaye tha thi ' +
    'hoga hogi hua hui hue ho hota hoti bhi se ko ka ki ke ek yeh ye woh wo voh kab kaise kaisa kyun kyu kyon abhi ' +
    'bhai bhaiya ji haan han accha acha achha theek thik bahut bohot bahot bht paisa paise chahiye chaiye dijiye ' +
    'bataiye batao bata samajh samjha samjhe aur lekin par phir fir kuch kuchh sab sabhi koi kaun kitna kitne kitni ' +
    'din mahina hafte hafta kal aaj parso baar dobara wapas vapas jaldi mat matlab wala wali wale gaye milega mila ' +
    'mili nikal bilkul ekdum bekaar bekar bakwas pareshan pareshaan dhanyavaad dhanyavad shukriya namaste namaskar ' +
    'madad sahayata kripya krupya jaroor zaroor zarur jarur sahi galat rahega chalega chal raha hoon hun hu mai ' +
    'tak liye lie jab tab agar toh yaar arre arey acchi achhi bura buri khush naraz gussa dikkat pata pta bolo boliye ' +
    'suniye sunao dekhiye dekho kahan kaha yahan wahan vaha aisa waisa jaise waise lagta lagti hogaya',
  1,
);
words('to na me mein main tab lag', 0.5, hiLatn);

/** Romanized Tamil ("Tanglish"). */
const taLatn = words(
  'enna enaku enakku ennoda naan nan neenga neengal unga ungal ungalukku ungaluku illa illai iruku irukku irukku ' +
    'irundhu irunthu panna pannunga pannanum panren pannen pannitten panniten pannunga seri sari aama aamaa ama ' +
    'inga anga enga eppo epdi eppadi yen yenna ethuku edhuku vandhu vanthu varala varalai varuma kedaikala kidaikala ' +
    'kidaichiduchu kidaichidhu sollunga sonnen sonninga konjam romba nalla nallaa vanakkam nandri nanri aachu achu aagala aagudhu agudhu aayiduchu ayiduchu ponga vaanga paarunga parunga paathen pathen ' +
    'theriyala theriyum venum vendam vendaam kudunga kodunga nenga unga innum ippo ippa apdi appadi ellam ellame ' +
    'yaaru yaru evlo evvalavu naal naalu vaaram masam oru rendu moonu sollu pesunga kastama kashtama mosam kevalam ' +
    'kovam tension aiyo ayyo ayyayo paaru pannala varudhu varuthu poiduchu poyiduchu thappu thevai',
  1,
);
words('nu la ah da di', 0.5, taLatn);
words('dhan than thaan dhaan', 0.3, taLatn);

/** Romanized Telugu. */
const teLatn = words(
  'emi enti emiti ledu ledhu undi unnadi unnai unnanu unnaru cheyyandi cheyandi cheyyi chesanu chesaru chesindi ' +
    'naaku naku meeru meeku miku nenu memu chala chaala baagundi bagundi bagunnaru dhanyavadalu dhanyavaadalu ' +
    'namaskaram namaskaramu avvatledu avvaledu raaledu raledu kavali kaavali kaavaali ela ekkada eppudu enduku ' +
    'sare andi garu ayindi aindi ayyindi vachindi vacchindi raledu ivvandi ivvaledu cheppandi cheppanu chudandi ' +
    'chusanu chusara inka inkaa ippudu appudu repu ninna roju rojulu vaaram nela okka rendu kuda kooda kani ' +
    'matrame entha enta evaru evaraina pani panicheyyatledu cheyyatledu avutundi avuthundi kadu kaadu ledhandi ' +
    'baaledu baledu chiraku kopam tho nundi varaku kosam gurinchi',
  1,
);
words('ga lo ki ni mee', 0.4, teLatn);

export const LATIN_LEXICONS: Record<LatinLanguage, WeightedWords> = {
  en,
  es,
  'hi-Latn': hiLatn,
  'ta-Latn': taLatn,
  'te-Latn': teLatn,
};

/** Which lexicons are matched on the romanized key rather than the plain word. */
export const ROMANIZED: ReadonlySet<LatinLanguage> = new Set(['hi-Latn', 'ta-Latn', 'te-Latn']);
