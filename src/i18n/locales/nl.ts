/** Nederlands (nl): the checkout's words as Dutch online shops and crypto wallets use them (je). */
import type {Catalogue} from '../catalogue.js';
import {plural} from '../plural.js';

export default {
  messages: {
    showsServerText: false,
    loading: 'Betaling wordt geladen…',
    payWithCrypto: 'Betalen met crypto',
    close: 'Sluiten',
    minutesLeft: plural({one: (n) => `Nog ${n} minuut om te betalen`, other: (n) => `Nog ${n} minuten om te betalen`}),
    payTo: (merchant) => (merchant ? `Betalen aan ${merchant}` : 'Betaling'),
    testMode: 'Devnet · testmodus',
    testModeHint: 'Testnetwerk: er wordt geen echt geld verplaatst.',
    expiresIn: (time) => `Verloopt over ${time}`,
    questionsTitle: 'Eerst een paar gegevens',
    required: 'verplicht',
    fieldRequired: 'Vul dit veld in.',
    invalidEmail: 'Vul een e-mailadres in zoals name@example.com.',
    continue: 'Doorgaan',
    emailTitle: 'Waar sturen we het betaalbewijs naartoe?',
    emailLabel: 'E-mail',
    skip: 'Overslaan',
    selectTokenTitle: 'Kies hoe je wilt betalen',
    filterTokens: 'Tokens en netwerken filteren',
    noTokens: 'Geen token gevonden.',
    tokensMatch: plural({one: (n) => `${n} token gevonden.`, other: (n) => `${n} tokens gevonden.`}),
    unavailable: 'Niet beschikbaar',
    sendExactly: (amount, token, network) => `Stuur precies ${amount} ${token} via ${network}`,
    confirmingTitle: 'Betaling gedetecteerd, wachten op bevestiging',
    sentTitle: 'Verstuurd vanuit je wallet, wachten op het netwerk',
    quoteRefreshing: 'Prijs wordt vernieuwd…',
    refreshQuote: 'Nieuwe prijs ophalen',
    changed: {
      instruction:
        'De betaalgegevens zijn gewijzigd. Gebruik voor je betaling het adres en het bedrag die nu worden getoond, niet de eerdere.',
      invoice: 'De verkoper heeft deze factuur gewijzigd. Controleer de ontvanger en het totaal hierboven voordat je betaalt.',
      'payment-failed':
        'Je betaling is niet gelukt en er is niets ontvangen. Controleer je wallet voordat je het getoonde bedrag opnieuw verstuurt.',
    },
    preparingAddress: 'Je betaaladres wordt voorbereid…',
    underpaidTitle: 'Gedeeltelijke betaling ontvangen',
    paidTitle: 'Betaling ontvangen',
    expiredTitle: 'Dit betaalverzoek is verlopen',
    canceledTitle: 'Deze betaling is geannuleerd',
    errorTitle: 'De betaling kan niet worden voortgezet',
    retry: 'Opnieuw proberen',
    viewUnavailable: 'Dit deel van het betaalscherm kon niet worden geladen. Controleer je verbinding en probeer het opnieuw.',
    reconnecting: 'Opnieuw verbinden…',
    offline: 'Je bent offline. We controleren opnieuw zodra je weer online bent.',
    errors: {
      'insecure-credentials':
        'Dit betaalscherm is ingesteld met een API-sleutel van de verkoper in plaats van een betaalsessie. De verkoper moet dit oplossen.',
      'missing-credentials': 'Dit betaalscherm heeft geen betaalsessie. De verkoper moet er een aanleveren.',
      'invalid-session': 'Deze betaalsessie is ongeldig.',
      'session-not-found': 'Deze betaalsessie is niet gevonden of is verlopen.',
      gone: 'Dit betaalverzoek is verlopen.',
      'bad-request': 'Dat werd niet geaccepteerd.',
      'rate-limited': 'Te veel verzoeken. Wacht even.',
      server: 'De betaaldienst heeft een probleem. Probeer het opnieuw.',
      network: 'De betaaldienst is niet bereikbaar. Controleer je verbinding.',
      'invalid-response': 'De betaaldienst stuurde iets dat niet kan kloppen, dus het wordt niet getoond. Probeer het opnieuw.',
      'quote-unavailable': 'Er is op dit moment geen prijs beschikbaar voor deze token.',
    },
  },
  views: {
    quoteEnding:
      'Deze prijs verloopt bijna. Haal nu een nieuwe prijs op, anders wordt hij vanzelf vernieuwd: controleer het bedrag voordat je verstuurt.',
    price: (symbol, usd) => `Prijs: 1 ${symbol} = ${usd}. Het bedrag bevat een kleine marge voor het geval de koers verandert.`,
    qrLabel: (network) => `QR-code van het stortingsadres op ${network}`,
    qrUnavailable: 'De QR-code kon niet worden geladen. Kopieer in plaats daarvan het adres en bedrag hieronder.',
    quoteValid: (time) => `Prijs nog ${time} geldig`,
    chooseAnother: 'Andere token kiezen',
    alreadyPaid: 'Ik heb al betaald',
    received: (usd) => `Ontvangen: ${usd}`,
    stillDue: (usd) => `Nog te betalen: ${usd}`,
    underpaidHint: (token, network) => `Stuur de rest in ${token} via ${network} naar hetzelfde adres.`,
    address: 'Stortingsadres',
    amount: 'Bedrag:',
    copyAddress: 'Adres kopiëren',
    copyAmount: 'Bedrag kopiëren',
    copied: 'Gekopieerd',
    copyBlocked:
      'Je browser heeft kopiëren hier geblokkeerd. De tekst is geselecteerd: kopieer hem met Ctrl+C (⌘C op een Mac) of door lang te drukken.',
    onlyNetwork: (network) => `Verstuur alleen via ${network}. Geld dat via een ander netwerk wordt verstuurd, gaat verloren.`,
    paidBody: 'Bedankt. Je betaling is bevestigd.',
    paidAt: (time) => `Betaald op ${time}`,
    invoice: 'Factuur:',
    tracking: (carrier, number) => (carrier ? `Track & trace-code (${carrier}): ${number}` : `Track & trace-code: ${number}`),
    overpaid: (usd) =>
      `Je hebt ${usd} meer gestuurd dan nodig was. Neem contact op met de verkoper en vermeld het factuur-ID hieronder om het terug te krijgen.`,
    arrivedBeforeEnd: (usd) =>
      `Er is ${usd} binnengekomen voordat dit betaalverzoek werd beëindigd. Neem contact op met de verkoper en vermeld het factuur-ID hieronder voor een terugbetaling of om te horen hoe je de rest betaalt.`,
    expiredBody:
      'Er kan niet meer op worden betaald. Vraag de verkoper om een nieuw betaalverzoek. Heb je al geld gestuurd, neem dan contact op met de verkoper en vermeld het factuur-ID hieronder.',
    canceledBody:
      'De verkoper heeft dit betaalverzoek geannuleerd. Heb je al geld gestuurd, neem dan contact op met de verkoper en vermeld het factuur-ID hieronder.',
    copyInvoiceId: 'Factuur-ID kopiëren',
    done: 'Klaar',
    verification: {
      checking: 'We zoeken je betaling op de blockchain… Dit kan een minuut duren.',
      stillChecking: 'We zoeken nog. Deze pagina wordt vanzelf bijgewerkt zodra je betaling binnenkomt.',
      found: 'We hebben je betaling gevonden. Die wordt nu bevestigd; deze pagina wordt vanzelf bijgewerkt.',
      foundCounting: 'We hebben een betaling gevonden. We berekenen wat er nog openstaat…',
      unknown:
        'De controle is afgerond zonder te melden of er een betaling is binnengekomen. Deze pagina wordt vanzelf bijgewerkt zodra dat gebeurt.',
      foundShort: (paid, due) =>
        `We hebben een betaling van ${paid} gevonden, maar er staat nog ${due} open. Heb je de rest net verstuurd, wacht dan: deze pagina werkt zich bij zodra die is verwerkt. Zo niet, stuur de rest naar hetzelfde adres.`,
      notFound: (amount, network) =>
        `Er is nog geen betaling binnengekomen. Controleer of je precies ${amount} via ${network} naar het adres hierboven hebt gestuurd. Het kan een paar minuten duren voordat een betaling zichtbaar is: probeer het over 5 minuten opnieuw.`,
      failed: (invoice) =>
        `We konden de blockchain nu niet controleren. Heb je de betaling verstuurd, neem dan contact op met de verkoper en vermeld factuur ${invoice}; die kan de betaling traceren.`,
    },
    orderStatus: {
      awaiting_payment: 'Je bestelling wacht op betaling.',
      processing: 'Je bestelling wordt verwerkt.',
      placed: 'Je bestelling is bij de verkoper geplaatst.',
      shipped: 'Je bestelling is verzonden.',
      delivered: 'Je bestelling is bezorgd.',
      delivery_confirmed: 'Je bestelling is bezorgd.',
      fulfilled: 'Je bestelling is afgerond.',
      cancelled: 'Je bestelling is geannuleerd. Neem contact op met de verkoper en vermeld het factuur-ID hieronder voor je terugbetaling.',
      canceled: 'Je bestelling is geannuleerd. Neem contact op met de verkoper en vermeld het factuur-ID hieronder voor je terugbetaling.',
      refunded: 'Je betaling is terugbetaald.',
      failed:
        'Je betaling is binnengekomen, maar de bestelling kon niet worden geplaatst. De verkoper neemt contact met je op over een terugbetaling; bewaar het factuur-ID hieronder.',
    },
    orderOther: (status) => `Update over je bestelling: ${status}`,
    qrHolds: {
      request: 'Deze code is een betaalverzoek: je wallet vult het adres, het bedrag en de token in.',
      address: 'Deze code bevat alleen het adres: vul het bedrag zelf in.',
    },
    qrRequestLabel: (network) => `QR-code van het betaalverzoek op ${network}: adres, bedrag en token`,
    qrShowAddress: 'Alleen het adres tonen',
    qrShowRequest: 'Betaalverzoek tonen',
    openInWallet: 'Openen in wallet',
    noWalletLink: {
      memo: 'Deze token heeft een memo nodig die walletlinks niet kunnen meesturen: kopieer in plaats daarvan de gegevens hieronder.',
      network: 'Voor dit netwerk bestaat geen standaard walletlink: scan of kopieer het adres en bedrag.',
      token: 'Voor deze token kan geen walletlink worden gemaakt: kopieer in plaats daarvan het adres en bedrag.',
    },
    payWith: (wallet) => `Betalen met ${wallet}`,
    browserWallet: 'je browserwallet',
    wallet: {
      connecting: (wallet) => `Verbind ${wallet} en bevestig daar…`,
      switching: (network) => `Schakel je wallet over naar ${network} als daarom wordt gevraagd…`,
      confirm: (wallet) => `Bevestig de betaling in ${wallet}…`,
      rejected:
        'Je hebt het verzoek in de wallet geweigerd. Er is niets verstuurd. Betaal opnieuw met de wallet of kopieer in plaats daarvan de gegevens.',
      wrongChain: (network) =>
        `Je wallet staat niet op ${network}. Voeg ${network} toe of schakel ernaar over in je wallet en probeer het opnieuw.`,
      pending: 'Je wallet heeft al een openstaand verzoek. Open je wallet om dat verzoek af te ronden of te annuleren.',
      failed:
        'De wallet kon deze betaling niet versturen. Er is niets verstuurd. Probeer het opnieuw of kopieer in plaats daarvan de gegevens.',
      unknown:
        'De wallet heeft niet gemeld of de betaling is verstuurd. Controleer de activiteit in je wallet voordat je het opnieuw probeert: als de betaling is verstuurd, wordt deze pagina vanzelf bijgewerkt.',
      stopWaiting: 'Niet meer wachten op de wallet',
      stillOpen: 'Toont je wallet het betaalverzoek nog, wijs het daar dan af.',
    },
    confirmingBody:
      'Je betaling is onderweg. Deze pagina wordt vanzelf bijgewerkt zodra het netwerk de betaling bevestigt; je kunt deze pagina sluiten.',
    unsureBody:
      'Je betaling is onderweg. Deze pagina wordt vanzelf bijgewerkt zodra het netwerk de betaling bevestigt, maar merkt het misschien niet als de betaling mislukt: toont je wallet dat ze mislukt is, ga dan terug naar de betaalgegevens.',
    sentBody:
      'Je wallet heeft deze transactie verstuurd. Deze pagina wordt vanzelf bijgewerkt zodra het netwerk de transactie ziet. Komt die nooit aan (een wallet kan een transactie laten vallen), ga dan terug naar de betaalgegevens.',
    backToPayment: 'Terug naar de betaalgegevens',
    notSetUp: 'Dit betaalscherm is niet goed ingesteld. De verkoper moet dit oplossen.',
    transaction: 'Transactie:',
    viewTransaction: 'Bekijken in de blockexplorer (opent een nieuw tabblad)',
  },
} satisfies Catalogue;
