// Sample tickets for the demo helpdesk. Written for this project; names, orders and addresses are invented.
//
// `expectedStages` is the stage the side panel should suggest for the agent's next reply after the last message,
// best first (a second entry means both are defensible). Each canned reply carries the same for after it is appended.
// End-to-end tests and the demo script read these, so keep ids stable. Types: conversations.d.ts.

export const brand = 'Acme Support';

export const agent = { name: 'Priya Sharma', email: 'priya.sharma@acme.example', team: 'Orders & Delivery' };

/** The helpdesk account's time zone: the team works from Bengaluru, whoever the customer is. */
export const accountTimeZone = 'Asia/Kolkata';

/**
 * The moment the sample data was "captured". The page shifts every time by (now - demoNow) so the newest message
 * is always a couple of minutes old; `?clock=fixed` shows the times exactly as written here.
 */
export const demoNow = '2026-11-20T10:30:00+05:30';

/** Display names for the language tags used below. */
export const languageNames = {
  en: 'English',
  hi: 'Hindi',
  'hi-Latn': 'Hinglish (Hindi in Latin script)',
  ta: 'Tamil',
  te: 'Telugu',
  es: 'Spanish',
};

/** @type {import('./conversations').DemoTicket[]} */
export const tickets = [
  {
    id: '1001',
    subject: 'New chat from the Orders help page',
    status: 'open',
    unread: true,
    channel: 'chat',
    customer: {
      name: 'Daniel Okafor',
      email: 'daniel.okafor@example.com',
      language: 'en',
      plan: 'Standard',
      location: 'Edinburgh, UK',
      customerSince: '2025-02-14',
      orders: [
        { id: 'AC-55210', item: 'Cast-iron skillet, 28 cm', date: '2026-11-19', total: '£39.00', status: 'Processing' },
        { id: 'AC-41877', item: 'Chef’s knife set', date: '2026-06-02', total: '£84.50', status: 'Delivered' },
      ],
    },
    messages: [
      { from: 'system', text: 'Chat started from acme.example/help/orders', at: '2026-11-20T10:27:40+05:30' },
      { from: 'customer', author: 'Daniel Okafor', text: 'Hi there', at: '2026-11-20T10:28:05+05:30' },
    ],
    expectedStages: ['greeting'],
    cannedReplies: [
      {
        text: 'I need to change the delivery address on an order I placed yesterday. I don’t think it has shipped yet.',
        expectedStages: ['discovery', 'solution'],
      },
      {
        text: 'It’s order AC-55210. The new address is 48 Harbour Street, Leith, EH6 6LP.',
        expectedStages: ['solution'],
      },
    ],
  },
  {
    id: '1002',
    subject: 'Order AC-48213 late again',
    status: 'open',
    unread: true,
    channel: 'chat',
    customer: {
      name: 'Megan Doyle',
      email: 'megan.doyle@example.co.uk',
      language: 'en',
      plan: 'Acme Plus',
      location: 'Sheffield, UK',
      customerSince: '2023-09-30',
      orders: [
        { id: 'AC-48213', item: 'Linen duvet cover, king', date: '2026-11-13', total: '£72.00', status: 'In transit' },
        { id: 'AC-46620', item: 'Wool throw, slate', date: '2026-10-04', total: '£45.00', status: 'Delivered 6 days late' },
        { id: 'AC-40915', item: 'Bath towel bundle', date: '2026-05-21', total: '£58.00', status: 'Delivered' },
      ],
    },
    messages: [
      {
        from: 'customer',
        author: 'Megan Doyle',
        text: 'Hi, I’m checking on order AC-48213. It was meant to arrive on Monday and the tracking hasn’t moved since Saturday.',
        at: '2026-11-20T09:51:12+05:30',
      },
      {
        from: 'agent',
        author: 'Priya Sharma',
        text: 'Hi Megan, thanks for getting in touch. Let me check what’s happening with that parcel.',
        at: '2026-11-20T09:53:40+05:30',
      },
      {
        from: 'note',
        author: 'Priya Sharma',
        text: 'Courier shows it held at the Leeds depot since Saturday. Her October order (AC-46620) also arrived 6 days late.',
        at: '2026-11-20T09:55:02+05:30',
      },
      {
        from: 'customer',
        author: 'Megan Doyle',
        text:
          'This is the second time this has happened. My last order turned up a week late and nobody told me anything then either. ' +
          'Honestly, it’s ridiculous. I’ve shopped with you for three years, and if this doesn’t arrive by Friday I’m cancelling ' +
          'and taking my business elsewhere.',
        at: '2026-11-20T09:58:31+05:30',
      },
      { from: 'system', text: 'Priority changed from Normal to High (escalation rule)', at: '2026-11-20T09:58:32+05:30' },
    ],
    expectedStages: ['recovery'],
    cannedReplies: [
      { text: 'And I paid for next-day delivery, so I expect that money back too.', expectedStages: ['recovery'] },
      {
        text: 'Okay. If it’s here tomorrow morning that works for me. Thanks for actually sorting it out.',
        expectedStages: ['closing'],
      },
    ],
  },
  {
    id: '1003',
    subject: 'Discount code not accepted at checkout',
    status: 'open',
    unread: false,
    channel: 'chat',
    customer: {
      name: 'Tom Becker',
      email: 'tom.becker@example.net',
      language: 'en',
      plan: 'Standard',
      location: 'Portland, OR, USA',
      customerSince: '2026-03-08',
      orders: [
        { id: 'AC-55098', item: 'Trail running shoes, size 10', date: '2026-11-20', total: '$101.15', status: 'Paid' },
      ],
    },
    messages: [
      {
        from: 'customer',
        author: 'Tom Becker',
        text: 'Hi, my discount code SPRING15 keeps saying it’s invalid at checkout.',
        at: '2026-11-20T09:20:14+05:30',
      },
      {
        from: 'agent',
        author: 'Priya Sharma',
        text: 'Hi Tom, welcome to Acme Support! Sorry about the trouble. Which items do you have in your basket?',
        at: '2026-11-20T09:21:03+05:30',
      },
      { from: 'customer', author: 'Tom Becker', text: 'Just the trail running shoes, size 10.', at: '2026-11-20T09:22:47+05:30' },
      {
        from: 'agent',
        author: 'Priya Sharma',
        text:
          'Thanks! SPRING15 doesn’t apply to items that are already on sale, and those shoes are marked down this week. ' +
          'I’ve added a one-off 15% code to your account instead: TOM15X. It works on sale items until Sunday.',
        at: '2026-11-20T09:25:30+05:30',
      },
      { from: 'customer', author: 'Tom Becker', text: 'That worked, order placed!', at: '2026-11-20T09:29:52+05:30' },
      {
        from: 'agent',
        author: 'Priya Sharma',
        text: 'Great to hear! Is there anything else I can help you with today?',
        at: '2026-11-20T09:30:20+05:30',
      },
      {
        from: 'customer',
        author: 'Tom Becker',
        text: 'No, thanks, that’s all. Appreciate the quick help!',
        at: '2026-11-20T09:31:05+05:30',
      },
    ],
    expectedStages: ['closing'],
    cannedReplies: [
      {
        text: 'Oh, actually, one more thing: can I have it delivered to my office instead of home?',
        expectedStages: ['discovery', 'solution'],
      },
    ],
  },
  {
    id: '1004',
    subject: 'ProBlend 600 making a grinding noise',
    status: 'open',
    unread: false,
    channel: 'email',
    customer: {
      name: 'Grace Liu',
      email: 'grace.liu@example.org',
      language: 'en',
      plan: 'Acme Plus',
      location: 'Toronto, Canada',
      customerSince: '2024-01-19',
      orders: [
        { id: 'AC-39077', item: 'ProBlend 600 blender', date: '2026-09-11', total: 'CA$189.99', status: 'Delivered' },
        { id: 'AC-37402', item: 'Glass storage jars, set of 6', date: '2026-07-30', total: 'CA$42.00', status: 'Delivered' },
      ],
    },
    messages: [
      {
        from: 'customer',
        author: 'Grace Liu',
        text:
          'Hello,\n\nI bought the ProBlend 600 about two months ago and it has started making a grinding noise.\n\n' +
          'Is this something you can help with?\n\nThanks,\nGrace',
        at: '2026-11-19T16:40:00+05:30',
      },
      { from: 'system', text: 'Assigned to Priya Sharma', at: '2026-11-19T16:41:10+05:30' },
      {
        from: 'agent',
        author: 'Priya Sharma',
        text:
          'Hi Grace,\n\nThank you for getting in touch, and I’m sorry the blender is acting up.\n\n' +
          'So I can point you in the right direction: does the noise happen with the jug empty as well, or only while blending? ' +
          'And could you send me the order number?\n\nBest regards,\nPriya\nAcme Support',
        at: '2026-11-19T18:05:21+05:30',
      },
      { from: 'system', text: 'Status changed to Pending', at: '2026-11-19T18:05:22+05:30' },
      {
        from: 'customer',
        author: 'Grace Liu',
        text:
          'Hi Priya,\n\nOnly when there’s something in the jug, mostly with ice or frozen fruit. Empty, it sounds normal. ' +
          'The blade assembly also feels a little loose when I wiggle it.\n\nThe order number is AC-39077.\n\nGrace',
        at: '2026-11-20T08:12:45+05:30',
      },
      { from: 'system', text: 'Status changed to Open', at: '2026-11-20T08:12:46+05:30' },
      {
        from: 'note',
        author: 'Priya Sharma',
        text: 'Still in the 2-year warranty. Loose blade assembly = known issue on early batches, replacement part BA-600.',
        at: '2026-11-20T08:30:00+05:30',
      },
    ],
    expectedStages: ['solution', 'discovery'],
    cannedReplies: [
      {
        text: 'Hi Priya,\n\nOne more question: is it safe to keep using it for smoothies until the new part arrives?\n\nGrace',
        expectedStages: ['solution'],
      },
    ],
  },
  {
    id: '1005',
    subject: 'रिफंड अभी तक नहीं मिला',
    status: 'open',
    unread: false,
    channel: 'chat',
    customer: {
      name: 'Rohit Verma',
      email: 'rohit.verma@example.in',
      language: 'hi',
      plan: 'Standard',
      location: 'Lucknow, India',
      customerSince: '2025-08-01',
      orders: [
        { id: 'AC-51890', item: 'Running shoes, size 9', date: '2026-11-02', total: '₹3,499', status: 'Returned, refunded' },
        { id: 'AC-49231', item: 'Cotton kurta, M', date: '2026-10-11', total: '₹1,299', status: 'Delivered' },
      ],
    },
    messages: [
      {
        from: 'customer',
        author: 'Rohit Verma',
        text: 'नमस्ते, मैंने 12 नवंबर को जूते वापस भेजे थे, लेकिन अभी तक मेरा रिफंड नहीं आया है।',
        at: '2026-11-20T10:05:18+05:30',
      },
      {
        from: 'agent',
        author: 'Priya Sharma',
        text: 'नमस्ते रोहित जी, Acme सपोर्ट में आपका स्वागत है। मैं अभी देखती हूँ। क्या आप अपना ऑर्डर नंबर बता सकते हैं?',
        at: '2026-11-20T10:06:02+05:30',
      },
      { from: 'customer', author: 'Rohit Verma', text: 'जी, ऑर्डर नंबर AC-51890 है।', at: '2026-11-20T10:07:40+05:30' },
      { from: 'system', text: 'Order AC-51890 linked to this ticket', at: '2026-11-20T10:08:15+05:30' },
      {
        from: 'agent',
        author: 'Priya Sharma',
        text: 'धन्यवाद। आपके जूते 14 नवंबर को हमारे गोदाम पहुँच गए थे और रिफंड 16 नवंबर को जारी कर दिया गया था।',
        at: '2026-11-20T10:10:27+05:30',
      },
      {
        from: 'customer',
        author: 'Rohit Verma',
        text: 'तो पैसा मेरे खाते में कब तक आएगा? बैंक ऐप में अभी तक कुछ नहीं दिख रहा है।',
        at: '2026-11-20T10:14:09+05:30',
      },
    ],
    expectedStages: ['solution'],
    cannedReplies: [
      { text: 'अगर तब तक भी नहीं आया तो मुझे क्या करना होगा?', expectedStages: ['solution'] },
      { text: 'ठीक है, समझ गया। बहुत-बहुत धन्यवाद, बस यही जानना था।', expectedStages: ['closing'] },
    ],
  },
  {
    id: '1006',
    subject: 'Order AC-50312 delivered nahi hua',
    status: 'open',
    unread: true,
    channel: 'chat',
    customer: {
      name: 'Aman Gupta',
      email: 'aman.gupta@example.in',
      language: 'hi-Latn',
      plan: 'Acme Plus',
      location: 'Gurugram, India',
      customerSince: '2024-11-25',
      orders: [
        { id: 'AC-50312', item: 'Wireless earbuds, black', date: '2026-11-14', total: '₹4,999', status: 'Marked delivered' },
        { id: 'AC-44102', item: 'Phone case', date: '2026-08-19', total: '₹699', status: 'Delivered' },
      ],
    },
    messages: [
      {
        from: 'customer',
        author: 'Aman Gupta',
        text: 'Hello, mera order AC-50312 abhi tak nahi aaya. 5 din ho gaye hain.',
        at: '2026-11-20T10:10:44+05:30',
      },
      {
        from: 'agent',
        author: 'Priya Sharma',
        text: 'Hi Aman, main abhi check karti hoon. Ek minute dijiye please.',
        at: '2026-11-20T10:12:05+05:30',
      },
      {
        from: 'note',
        author: 'Priya Sharma',
        text: 'SwiftShip marked it delivered yesterday 18:40, "handed to security". Customer says nothing received: raise a trace.',
        at: '2026-11-20T10:15:30+05:30',
      },
      {
        from: 'customer',
        author: 'Aman Gupta',
        text:
          'Bilkul bekaar service hai yaar. App pe "delivered" dikha raha hai par mujhe kuch nahi mila, aur paise bhi kat gaye. ' +
          'Agar aaj solve nahi hua toh order cancel karke dobara kabhi Acme se kuch nahi mangwaunga.',
        at: '2026-11-20T10:21:16+05:30',
      },
    ],
    expectedStages: ['recovery'],
    cannedReplies: [
      { text: 'Theek hai, lekin mujhe kal tak pakka update chahiye.', expectedStages: ['solution', 'recovery'] },
      { text: 'Ok mil gaya, building ke guard ke paas tha. Thanks for the help!', expectedStages: ['closing'] },
    ],
  },
  {
    id: '1007',
    subject: 'மிக்ஸி டெலிவரி எப்போது?',
    status: 'open',
    unread: false,
    channel: 'chat',
    customer: {
      name: 'Karthik Subramanian',
      email: 'karthik.s@example.in',
      language: 'ta',
      plan: 'Standard',
      location: 'Chennai, India',
      customerSince: '2026-01-05',
      orders: [
        { id: 'AC-52477', item: 'Mixer grinder, 750 W', date: '2026-11-19', total: '₹5,850', status: 'Packed' },
      ],
    },
    messages: [
      {
        from: 'customer',
        author: 'Karthik Subramanian',
        text: 'வணக்கம், நேற்று ஒரு மிக்ஸி ஆர்டர் செய்தேன். அது எப்போது டெலிவரி ஆகும்?',
        at: '2026-11-20T10:12:31+05:30',
      },
      {
        from: 'agent',
        author: 'Priya Sharma',
        text: 'வணக்கம் கார்த்திக், Acme சப்போர்ட்டுக்கு வரவேற்கிறோம்! உங்கள் ஆர்டர் எண்ணைச் சொல்ல முடியுமா?',
        at: '2026-11-20T10:14:10+05:30',
      },
      {
        from: 'customer',
        author: 'Karthik Subramanian',
        text: 'ஆர்டர் எண் AC-52477. நான் சென்னையில் இருக்கிறேன். வியாழக்கிழமைக்குள் வந்தால் நல்லது.',
        at: '2026-11-20T10:19:02+05:30',
      },
    ],
    expectedStages: ['solution', 'discovery'],
    cannedReplies: [
      {
        text: 'டெலிவரி நேரத்தில் நான் வீட்டில் இருக்க மாட்டேன். பக்கத்து வீட்டில் கொடுக்கலாமா?',
        expectedStages: ['solution'],
      },
      { text: 'சரி, நன்றி! வேறு எதுவும் தேவையில்லை.', expectedStages: ['closing'] },
    ],
  },
  {
    id: '1008',
    subject: 'లాగిన్ సమస్య – పాస్‌వర్డ్ పనిచేయడం లేదు',
    status: 'open',
    unread: false,
    channel: 'chat',
    customer: {
      name: 'Sravani Reddy',
      // The typo is deliberate: the internal note on this ticket is about it.
      email: 'sravani.reddy@gmial.com',
      language: 'te',
      plan: 'Standard',
      location: 'Hyderabad, India',
      customerSince: '2025-05-17',
      orders: [
        { id: 'AC-47755', item: 'Steel water bottles, pair', date: '2026-10-28', total: '₹899', status: 'Delivered' },
      ],
    },
    messages: [
      {
        from: 'customer',
        author: 'Sravani Reddy',
        text: 'నమస్కారం, నేను నా ఖాతాలోకి లాగిన్ కాలేకపోతున్నాను. పాస్‌వర్డ్ తప్పు అని చూపిస్తోంది.',
        at: '2026-11-20T09:40:22+05:30',
      },
      {
        from: 'agent',
        author: 'Priya Sharma',
        text: 'నమస్కారం శ్రావణి గారు! నేను సహాయం చేస్తాను. మీరు పాస్‌వర్డ్ రీసెట్ లింక్ ప్రయత్నించారా?',
        at: '2026-11-20T09:42:08+05:30',
      },
      {
        from: 'customer',
        author: 'Sravani Reddy',
        text: 'ప్రయత్నించాను, కానీ ఈమెయిల్ రావడం లేదు. స్పామ్ ఫోల్డర్‌లో కూడా చూశాను.',
        at: '2026-11-20T09:46:37+05:30',
      },
      {
        from: 'note',
        author: 'Priya Sharma',
        text: 'Email on file is sravani.reddy@gmial.com (typo). Confirm the right address before resending the reset link.',
        at: '2026-11-20T09:47:50+05:30',
      },
    ],
    expectedStages: ['solution', 'discovery'],
    cannedReplies: [
      { text: 'నా సరైన ఈమెయిల్ sravani.reddy@gmail.com. దయచేసి దానికి పంపండి.', expectedStages: ['solution'] },
      { text: 'ఇప్పుడు ఈమెయిల్ వచ్చింది, లాగిన్ అయ్యాను. చాలా ధన్యవాదాలు!', expectedStages: ['closing'] },
    ],
  },
  {
    id: '1009',
    subject: 'Jacket exchange, order AC-47102',
    status: 'open',
    unread: true,
    channel: 'email',
    customer: {
      name: 'Olivia Martin',
      email: 'olivia.martin@example.com',
      language: 'en',
      plan: 'Acme Plus',
      location: 'Bristol, UK',
      customerSince: '2022-04-03',
      orders: [
        { id: 'AC-47102-X', item: 'Quilted jacket, M (exchange)', date: '2026-11-13', total: '£0.00', status: 'Delivered' },
        { id: 'AC-47102', item: 'Quilted jacket, XL', date: '2026-11-08', total: '£129.00', status: 'Return pending' },
      ],
    },
    messages: [
      {
        from: 'customer',
        author: 'Olivia Martin',
        text:
          'Hi,\n\nThe jacket from order AC-47102 arrived today, but it’s an XL and I ordered a medium. Could I swap it?\n\n' +
          'Thanks,\nOlivia',
        at: '2026-11-12T11:03:00+05:30',
      },
      {
        from: 'agent',
        author: 'Priya Sharma',
        text:
          'Hi Olivia,\n\nSorry about the mix-up! I’ve set up an exchange: a courier will collect the XL on Friday, ' +
          'and the medium goes out the same day. There’s nothing to print.\n\nKind regards,\nPriya\nAcme Support',
        at: '2026-11-12T11:40:16+05:30',
      },
      { from: 'customer', author: 'Olivia Martin', text: 'Perfect, thank you so much!', at: '2026-11-12T12:15:41+05:30' },
      { from: 'system', text: 'Status changed to Solved', at: '2026-11-12T12:16:03+05:30' },
      {
        from: 'customer',
        author: 'Olivia Martin',
        text:
          'Hi Priya,\n\nWriting back about the jacket exchange from last week. The medium arrived and fits perfectly, thanks again.\n\n' +
          'The only thing: nobody has collected the XL yet, and it’s still sitting in my hallway. Is the pickup still booked?\n\n' +
          'Best,\nOlivia',
        at: '2026-11-19T20:02:27+05:30',
      },
      { from: 'system', text: 'Status changed to Open (customer replied)', at: '2026-11-19T20:02:28+05:30' },
    ],
    expectedStages: ['follow_up'],
    cannedReplies: [
      { text: 'That’s great, thanks for sorting it out so quickly. That’s everything from me!', expectedStages: ['closing'] },
    ],
  },
  {
    id: '1010',
    subject: 'Factura con datos fiscales incorrectos',
    status: 'open',
    unread: false,
    channel: 'email',
    customer: {
      name: 'Lucía Fernández',
      email: 'lucia@estudiobrisa.example',
      language: 'es',
      plan: 'Business',
      location: 'Valencia, Spain',
      customerSince: '2025-10-10',
      orders: [
        { id: 'AC-53310', item: 'Office chairs ×4', date: '2026-11-10', total: '€1,196.00', status: 'Delivered' },
      ],
    },
    messages: [
      {
        from: 'customer',
        author: 'Lucía Fernández',
        text:
          'Hola:\n\nHe recibido la factura del pedido AC-53310, pero aparece el nombre de mi antigua empresa y necesito ' +
          'que salgan los datos nuevos para poder deducirla.\n\n¿Me la podéis corregir?\n\nUn saludo,\nLucía',
        at: '2026-11-19T13:20:00+05:30',
      },
      {
        from: 'agent',
        author: 'Priya Sharma',
        text:
          'Hola, Lucía:\n\nGracias por escribirnos. Claro que podemos emitir una factura rectificativa. ' +
          '¿Nos indica la razón social, el NIF y la dirección fiscal nuevos?\n\nUn saludo,\nPriya\nAcme Support',
        at: '2026-11-19T15:02:44+05:30',
      },
      {
        from: 'customer',
        author: 'Lucía Fernández',
        text:
          'Hola, Priya:\n\nClaro, son estos:\nRazón social: Estudio Brisa S.L.\nNIF: B12345678\n' +
          'Dirección: Calle del Olmo 14, 46003 Valencia\n\nGracias,\nLucía',
        at: '2026-11-20T07:45:19+05:30',
      },
    ],
    expectedStages: ['solution'],
    cannedReplies: [
      { text: 'Recibida y todo correcto. ¡Muchas gracias por la rapidez!', expectedStages: ['closing'] },
    ],
  },
  // Upset customers writing in Devanagari Hindi and in Tamil (the agent's-minute end-to-end tests: apology first,
  // HEAL checklist, stage timeline).
  {
    id: '1011',
    subject: 'मिक्सर ग्राइंडर का ऑर्डर फिर से लेट',
    status: 'open',
    unread: true,
    channel: 'chat',
    customer: {
      name: 'Anita Joshi',
      email: 'anita.joshi@example.in',
      language: 'hi',
      plan: 'Standard',
      location: 'Jaipur, India',
      customerSince: '2024-03-18',
      orders: [
        { id: 'AC-53120', item: 'Mixer grinder, 500 W', date: '2026-11-10', total: '₹3,950', status: 'In transit' },
      ],
    },
    messages: [
      {
        from: 'customer',
        author: 'Anita Joshi',
        text: 'नमस्ते, मेरा ऑर्डर AC-53120 (मिक्सर ग्राइंडर) 15 नवंबर को आना था, लेकिन अभी तक नहीं आया।',
        at: '2026-11-20T09:21:05+05:30',
      },
      {
        from: 'agent',
        author: 'Priya Sharma',
        text: 'नमस्ते अनीता जी, मैं अभी आपका ऑर्डर देखती हूँ।',
        at: '2026-11-20T09:22:40+05:30',
      },
      {
        from: 'note',
        author: 'Priya Sharma',
        text: 'Courier rescheduled twice. Escalate to the Jaipur hub.',
        at: '2026-11-20T09:24:02+05:30',
      },
      {
        from: 'customer',
        author: 'Anita Joshi',
        text:
          'यह तीसरी बार हो रहा है! हर बार कहते हैं कल आ जाएगा। बहुत बेकार सर्विस है, मुझे बहुत गुस्सा आ रहा है। ' +
          'अगर आज नहीं आया तो ऑर्डर कैंसल करके मुझे पूरे पैसे वापस चाहिए।',
        at: '2026-11-20T09:26:12+05:30',
      },
    ],
    expectedStages: ['recovery'],
    cannedReplies: [{ text: 'ठीक है, कल शाम तक का इंतज़ार कर लेती हूँ। धन्यवाद।', expectedStages: ['recovery', 'closing'] }],
  },
  {
    id: '1012',
    subject: 'பிரஷர் குக்கர் ஆர்டர் இன்னும் வரவில்லை',
    status: 'open',
    unread: true,
    channel: 'chat',
    customer: {
      name: 'Meena Rajendran',
      email: 'meena.r@example.in',
      language: 'ta',
      plan: 'Acme Plus',
      location: 'Madurai, India',
      customerSince: '2023-12-02',
      orders: [
        { id: 'AC-53377', item: 'Pressure cooker, 5 L', date: '2026-11-12', total: '₹2,480', status: 'In transit' },
      ],
    },
    messages: [
      {
        from: 'customer',
        author: 'Meena Rajendran',
        text: 'வணக்கம், என் ஆர்டர் AC-53377 (பிரஷர் குக்கர்) ஒரு வாரமாக இன்னும் வரவில்லை.',
        at: '2026-11-20T09:31:20+05:30',
      },
      {
        from: 'agent',
        author: 'Priya Sharma',
        text: 'வணக்கம் மீனா, நான் இப்போதே உங்கள் ஆர்டரைச் சரிபார்க்கிறேன்.',
        at: '2026-11-20T09:32:55+05:30',
      },
      {
        from: 'customer',
        author: 'Meena Rajendran',
        text:
          'இது ரொம்ப மோசமான சேவை! மூன்று முறை அழைத்தேன், யாரும் சரியான பதில் சொல்லவில்லை. எனக்கு ரொம்ப கோபமாக இருக்கிறது. ' +
          'இன்று வரவில்லை என்றால் ஆர்டரை ரத்து செய்துவிடுவேன்.',
        at: '2026-11-20T09:35:31+05:30',
      },
    ],
    expectedStages: ['recovery'],
    cannedReplies: [{ text: 'சரி, நாளை வரை காத்திருக்கிறேன். நன்றி.', expectedStages: ['recovery', 'closing'] }],
  },
];
