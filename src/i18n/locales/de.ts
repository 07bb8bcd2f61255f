/** Deutsch (de): the checkout's words as German online shops and wallets use them. */
import type {Catalogue} from '../catalogue.js';
import {plural} from '../plural.js';

export default {
  messages: {
    showsServerText: false,
    loading: 'Checkout wird geladen…',
    payWithCrypto: 'Mit Krypto bezahlen',
    close: 'Schließen',
    minutesLeft: plural({one: (n) => `Noch ${n} Minute zum Bezahlen`, other: (n) => `Noch ${n} Minuten zum Bezahlen`}),
    payTo: (merchant) => (merchant ? `An ${merchant} bezahlen` : 'Zahlung'),
    testMode: 'Devnet · Testmodus',
    testModeHint: 'Testnetz: Es wird kein echtes Geld bewegt.',
    expiresIn: (time) => `Läuft ab in ${time}`,
    questionsTitle: 'Zuerst ein paar Angaben',
    required: 'Pflichtfeld',
    fieldRequired: 'Bitte ausfüllen.',
    invalidEmail: 'Gib eine E-Mail-Adresse wie name@example.com ein.',
    continue: 'Weiter',
    emailTitle: 'Wohin sollen wir die Quittung schicken?',
    emailLabel: 'E-Mail',
    skip: 'Überspringen',
    selectTokenTitle: 'Zahlungsart wählen',
    filterTokens: 'Token und Netzwerke filtern',
    noTokens: 'Kein Token gefunden.',
    tokensMatch: plural({other: (n) => `${n} Token gefunden.`}),
    unavailable: 'Nicht verfügbar',
    sendExactly: (amount, token, network) => `Sende genau ${amount} ${token} über ${network}`,
    confirmingTitle: 'Zahlung erkannt, warte auf Bestätigung',
    sentTitle: 'Aus deiner Wallet gesendet, warte auf das Netzwerk',
    quoteRefreshing: 'Preis wird aktualisiert…',
    refreshQuote: 'Neuen Preis holen',
    changed: {
      instruction:
        'Die Zahlungsdaten haben sich geändert. Sende an die jetzt angezeigte Adresse und den jetzt angezeigten Betrag, nicht an die vorherigen.',
      invoice: 'Der Händler hat diese Rechnung geändert. Prüfe Empfänger und Gesamtbetrag oben, bevor du bezahlst.',
      'payment-failed':
        'Deine Zahlung ist nicht durchgegangen, es ist nichts angekommen. Prüfe deine Wallet, bevor du den angezeigten Betrag erneut sendest.',
    },
    preparingAddress: 'Deine Zahlungsadresse wird vorbereitet…',
    underpaidTitle: 'Teilzahlung erhalten',
    paidTitle: 'Zahlung erhalten',
    expiredTitle: 'Diese Zahlungsanforderung ist abgelaufen',
    canceledTitle: 'Diese Zahlung wurde storniert',
    errorTitle: 'Der Checkout kann nicht fortgesetzt werden',
    retry: 'Erneut versuchen',
    viewUnavailable: 'Dieser Teil des Checkouts konnte nicht geladen werden. Prüfe deine Verbindung und versuche es erneut.',
    reconnecting: 'Verbindung wird wiederhergestellt…',
    offline: 'Du bist offline. Wir prüfen erneut, sobald du wieder online bist.',
    errors: {
      'insecure-credentials':
        'Dieser Checkout wurde mit einem API-Schlüssel des Händlers statt mit einer Zahlungssitzung eingerichtet. Der Händler muss das beheben.',
      'missing-credentials': 'Dieser Checkout hat keine Zahlungssitzung. Der Händler muss eine bereitstellen.',
      'invalid-session': 'Diese Zahlungssitzung ist ungültig.',
      'session-not-found': 'Diese Zahlungssitzung wurde nicht gefunden oder ist abgelaufen.',
      gone: 'Diese Zahlungsanforderung ist abgelaufen.',
      'bad-request': 'Das wurde nicht angenommen.',
      'rate-limited': 'Zu viele Anfragen. Bitte warte einen Moment.',
      server: 'Der Zahlungsdienst hat ein Problem. Bitte versuche es erneut.',
      network: 'Der Zahlungsdienst ist nicht erreichbar. Prüfe deine Verbindung.',
      'invalid-response':
        'Der Zahlungsdienst hat etwas gesendet, das nicht stimmen kann, daher wird es nicht angezeigt. Bitte versuche es erneut.',
      'quote-unavailable': 'Für diesen Token ist gerade kein Preis verfügbar.',
    },
  },
  views: {
    quoteEnding:
      'Dieser Preis läuft gleich ab. Hol dir jetzt einen neuen Preis, sonst wird er automatisch aktualisiert: Prüfe den Betrag, bevor du sendest.',
    price: (symbol, usd) => `Preis: 1 ${symbol} = ${usd}. Der Betrag enthält einen kleinen Puffer, falls sich der Kurs bewegt.`,
    qrLabel: (network) => `QR-Code der ${network}-Einzahlungsadresse`,
    qrUnavailable: 'Der QR-Code konnte nicht geladen werden. Kopiere stattdessen Adresse und Betrag unten.',
    quoteValid: (time) => `Preis gilt noch ${time}`,
    chooseAnother: 'Anderen Token wählen',
    alreadyPaid: 'Ich habe schon bezahlt',
    received: (usd) => `Erhalten: ${usd}`,
    stillDue: (usd) => `Noch offen: ${usd}`,
    underpaidHint: (token, network) => `Sende den Rest in ${token} über ${network} an dieselbe Adresse.`,
    address: 'Einzahlungsadresse',
    amount: 'Betrag:',
    copyAddress: 'Adresse kopieren',
    copyAmount: 'Betrag kopieren',
    copied: 'Kopiert',
    copyBlocked:
      'Dein Browser hat das Kopieren hier blockiert. Der Text ist markiert: Kopiere ihn mit Strg+C (⌘C auf dem Mac) oder durch langes Drücken.',
    onlyNetwork: (network) => `Sende nur über ${network}. Über ein anderes Netzwerk gesendetes Geld geht verloren.`,
    paidBody: 'Danke. Deine Zahlung ist bestätigt.',
    paidAt: (time) => `Bezahlt am ${time}`,
    invoice: 'Rechnung:',
    tracking: (carrier, number) => (carrier ? `Sendungsnummer (${carrier}): ${number}` : `Sendungsnummer: ${number}`),
    overpaid: (usd) =>
      `Du hast ${usd} mehr gesendet als fällig war. Wende dich mit der Rechnungs-ID unten an den Händler, um es zurückzubekommen.`,
    arrivedBeforeEnd: (usd) =>
      `${usd} sind eingegangen, bevor diese Zahlungsanforderung endete. Wende dich mit der Rechnungs-ID unten an den Händler wegen einer Erstattung oder der Zahlung des Rests.`,
    expiredBody:
      'Es kann nicht mehr darauf gezahlt werden. Bitte den Händler um eine neue Anforderung. Falls du schon Geld gesendet hast, wende dich mit der Rechnungs-ID unten an den Händler.',
    canceledBody:
      'Der Händler hat diese Zahlungsanforderung storniert. Falls du schon Geld gesendet hast, wende dich mit der Rechnungs-ID unten an den Händler.',
    copyInvoiceId: 'Rechnungs-ID kopieren',
    done: 'Fertig',
    verification: {
      checking: 'Wir suchen deine Zahlung auf der Blockchain… Das kann eine Minute dauern.',
      stillChecking: 'Wir suchen noch. Diese Seite aktualisiert sich von selbst, sobald deine Zahlung eingeht.',
      found: 'Wir haben deine Zahlung gefunden. Sie wird bestätigt; diese Seite aktualisiert sich von selbst.',
      foundCounting: 'Wir haben eine Zahlung gefunden. Der noch offene Betrag wird ermittelt…',
      unknown:
        'Die Prüfung ist beendet, ohne zu sagen, ob eine Zahlung eingegangen ist. Diese Seite aktualisiert sich von selbst, sobald das passiert.',
      foundShort: (paid, due) =>
        `Wir haben eine Zahlung über ${paid} gefunden, aber ${due} sind noch offen. Hast du den Rest gerade gesendet, warte: Diese Seite aktualisiert sich, sobald er verbucht ist. Sonst sende den Rest an dieselbe Adresse.`,
      notFound: (amount, network) =>
        `Es ist noch keine Zahlung eingegangen. Prüfe, ob du genau ${amount} über ${network} an die Adresse oben gesendet hast. Eine Zahlung kann einige Minuten brauchen: Versuche es in 5 Minuten erneut.`,
      failed: (invoice) =>
        `Wir konnten die Blockchain gerade nicht prüfen. Falls du die Zahlung gesendet hast, wende dich mit der Rechnung ${invoice} an den Händler; er kann sie nachverfolgen.`,
    },
    orderStatus: {
      awaiting_payment: 'Deine Bestellung wartet auf die Zahlung.',
      processing: 'Deine Bestellung wird bearbeitet.',
      placed: 'Deine Bestellung wurde beim Verkäufer aufgegeben.',
      shipped: 'Deine Bestellung wurde versandt.',
      delivered: 'Deine Bestellung wurde zugestellt.',
      delivery_confirmed: 'Deine Bestellung wurde zugestellt.',
      fulfilled: 'Deine Bestellung ist abgeschlossen.',
      cancelled: 'Deine Bestellung wurde storniert. Wende dich wegen der Erstattung mit der Rechnungs-ID unten an den Händler.',
      canceled: 'Deine Bestellung wurde storniert. Wende dich wegen der Erstattung mit der Rechnungs-ID unten an den Händler.',
      refunded: 'Deine Zahlung wurde erstattet.',
      failed:
        'Deine Zahlung ist eingegangen, aber die Bestellung konnte nicht aufgegeben werden. Der Händler meldet sich wegen einer Erstattung; bewahre die Rechnungs-ID unten auf.',
    },
    orderOther: (status) => `Bestellstatus: ${status}`,
    qrHolds: {
      request: 'Dieser Code ist eine Zahlungsanforderung: Deine Wallet übernimmt Adresse, Betrag und Token.',
      address: 'Dieser Code enthält nur die Adresse: Gib den Betrag selbst ein.',
    },
    qrRequestLabel: (network) => `QR-Code der Zahlungsanforderung über ${network}: Adresse, Betrag und Token`,
    qrShowAddress: 'Nur die Adresse zeigen',
    qrShowRequest: 'Zahlungsanforderung zeigen',
    openInWallet: 'In Wallet öffnen',
    noWalletLink: {
      memo: 'Dieser Token braucht ein Memo, das Wallet-Links nicht übertragen können: Kopiere stattdessen die Angaben unten.',
      network: 'Für dieses Netzwerk gibt es keinen Standard-Wallet-Link: Scanne oder kopiere Adresse und Betrag.',
      token: 'Für diesen Token lässt sich kein Wallet-Link erstellen: Kopiere stattdessen Adresse und Betrag.',
    },
    payWith: (wallet) => `Mit ${wallet} bezahlen`,
    browserWallet: 'Browser-Wallet',
    wallet: {
      connecting: (wallet) => `Verbinde ${wallet} und bestätige dort…`,
      switching: (network) => `Wechsle in deiner Wallet zu ${network}, wenn sie fragt…`,
      confirm: (wallet) => `Bestätige die Zahlung in ${wallet}…`,
      rejected:
        'Du hast in der Wallet abgelehnt. Es wurde nichts gesendet. Bezahle erneut mit der Wallet oder kopiere stattdessen die Angaben.',
      wrongChain: (network) => `Deine Wallet ist nicht auf ${network}. Füge ${network} hinzu oder wechsle dorthin und versuche es erneut.`,
      pending: 'In deiner Wallet wartet schon eine Anfrage. Öffne sie, um sie abzuschließen oder abzubrechen.',
      failed:
        'Die Wallet konnte diese Zahlung nicht senden. Es wurde nichts gesendet. Versuche es erneut oder kopiere stattdessen die Angaben.',
      unknown:
        'Die Wallet hat nicht gemeldet, ob sie die Zahlung gesendet hat. Prüfe ihren Verlauf, bevor du es erneut versuchst: Wurde sie gesendet, aktualisiert sich diese Seite von selbst.',
      stopWaiting: 'Nicht mehr auf die Wallet warten',
      stillOpen: 'Falls deine Wallet die Zahlungsanfrage noch zeigt, lehne sie dort ab.',
    },
    confirmingBody:
      'Deine Zahlung ist unterwegs. Diese Seite aktualisiert sich von selbst, sobald das Netzwerk sie bestätigt; du kannst sie schließen.',
    unsureBody:
      'Deine Zahlung ist unterwegs. Diese Seite aktualisiert sich von selbst, sobald das Netzwerk sie bestätigt, erfährt aber vielleicht nicht, wenn sie fehlschlägt: Zeigt deine Wallet sie als fehlgeschlagen an, geh zurück zu den Zahlungsdaten.',
    sentBody:
      'Deine Wallet hat diese Transaktion gesendet. Diese Seite aktualisiert sich von selbst, sobald das Netzwerk sie sieht. Kommt sie nie an (eine Wallet kann eine Transaktion verwerfen), geh zurück zu den Zahlungsdaten.',
    backToPayment: 'Zurück zu den Zahlungsdaten',
    notSetUp: 'Dieser Checkout ist nicht richtig eingerichtet. Der Händler muss das beheben.',
    transaction: 'Transaktion:',
    viewTransaction: 'Im Block-Explorer ansehen (öffnet einen neuen Tab)',
  },
} satisfies Catalogue;
