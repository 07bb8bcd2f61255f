/** Français (fr): the checkout's words as French-language online shops and crypto wallets use them (vous). */
import type {Catalogue} from '../catalogue.js';
import {plural} from '../plural.js';

export default {
  messages: {
    showsServerText: false,
    loading: 'Chargement du paiement…',
    payWithCrypto: 'Payer en crypto',
    close: 'Fermer',
    minutesLeft: plural({
      one: (n) => `Il reste ${n} minute pour payer`,
      many: (n) => `Il reste ${n} de minutes pour payer`,
      other: (n) => `Il reste ${n} minutes pour payer`,
    }),
    payTo: (merchant) => (merchant ? `Payer ${merchant}` : 'Paiement'),
    testMode: 'Devnet · mode test',
    testModeHint: 'Réseau de test\u00a0: aucun fonds réel n’est transféré.',
    expiresIn: (time) => `Expire dans ${time}`,
    questionsTitle: 'Quelques informations d’abord',
    required: 'obligatoire',
    fieldRequired: 'Veuillez remplir ce champ.',
    invalidEmail: 'Saisissez une adresse e-mail comme name@example.com.',
    continue: 'Continuer',
    emailTitle: 'Où devons-nous envoyer le reçu\u00a0?',
    emailLabel: 'E-mail',
    skip: 'Passer',
    selectTokenTitle: 'Choisissez comment payer',
    filterTokens: 'Filtrer les tokens et les réseaux',
    noTokens: 'Aucun token ne correspond.',
    tokensMatch: plural({one: (n) => `${n} token correspond.`, other: (n) => `${n} tokens correspondent.`}),
    unavailable: 'Indisponible',
    sendExactly: (amount, token, network) => `Envoyez exactement ${amount} ${token} sur le réseau ${network}`,
    confirmingTitle: 'Paiement détecté, en attente de confirmation',
    sentTitle: 'Envoyé depuis votre portefeuille, en attente du réseau',
    quoteRefreshing: 'Actualisation du prix…',
    refreshQuote: 'Obtenir un nouveau prix',
    changed: {
      instruction:
        'Les informations de paiement ont changé. Pour votre envoi, utilisez l’adresse et le montant affichés maintenant, et non les précédents.',
      invoice: 'Le commerçant a modifié cette facture. Vérifiez le bénéficiaire et le total ci-dessus avant de payer.',
      'payment-failed':
        'Votre paiement n’a pas abouti et rien n’a été reçu. Vérifiez votre portefeuille avant de renvoyer le montant indiqué.',
    },
    preparingAddress: 'Préparation de votre adresse de paiement…',
    underpaidTitle: 'Paiement partiel reçu',
    paidTitle: 'Paiement reçu',
    expiredTitle: 'Cette demande de paiement a expiré',
    canceledTitle: 'Ce paiement a été annulé',
    errorTitle: 'Impossible de poursuivre le paiement',
    retry: 'Réessayer',
    viewUnavailable: 'Cette partie du paiement n’a pas pu être chargée. Vérifiez votre connexion et réessayez.',
    reconnecting: 'Reconnexion…',
    offline: 'Vous êtes hors ligne. Nous vérifierons à nouveau dès votre retour en ligne.',
    errors: {
      'insecure-credentials':
        'Ce paiement a été configuré avec une clé API du commerçant au lieu d’une session de paiement. Le commerçant doit corriger cela.',
      'missing-credentials': 'Ce paiement n’a pas de session de paiement. Le commerçant doit en fournir une.',
      'invalid-session': 'Cette session de paiement n’est pas valide.',
      'session-not-found': 'Cette session de paiement est introuvable ou a expiré.',
      gone: 'Cette demande de paiement a expiré.',
      'bad-request': 'Cela n’a pas été accepté.',
      'rate-limited': 'Trop de requêtes. Veuillez patienter un instant.',
      server: 'Le service de paiement rencontre un problème. Veuillez réessayer.',
      network: 'Le service de paiement est injoignable. Vérifiez votre connexion.',
      'invalid-response':
        'Le service de paiement a envoyé une réponse qui ne peut pas être correcte\u00a0; elle n’est donc pas affichée. Veuillez réessayer.',
      'quote-unavailable': 'Aucun prix n’est disponible pour ce token pour le moment.',
    },
  },
  views: {
    quoteEnding:
      'Ce prix va bientôt expirer. Obtenez un nouveau prix maintenant, sinon il sera actualisé automatiquement\u00a0: vérifiez le montant avant d’envoyer.',
    price: (symbol, usd) => `Prix\u00a0: 1 ${symbol} = ${usd}. Le montant inclut une petite marge au cas où le cours varierait.`,
    qrLabel: (network) => `QR code de l’adresse de dépôt sur le réseau ${network}`,
    qrUnavailable: 'Le QR code n’a pas pu être chargé. Copiez plutôt l’adresse et le montant ci-dessous.',
    quoteValid: (time) => `Prix garanti pendant ${time}`,
    chooseAnother: 'Choisir un autre token',
    alreadyPaid: 'J’ai déjà payé',
    received: (usd) => `Reçu\u00a0: ${usd}`,
    stillDue: (usd) => `Reste à payer\u00a0: ${usd}`,
    underpaidHint: (token, network) => `Envoyez le reste en ${token} sur le réseau ${network}, à la même adresse.`,
    address: 'Adresse de dépôt',
    amount: 'Montant\u00a0:',
    copyAddress: 'Copier l’adresse',
    copyAmount: 'Copier le montant',
    copied: 'Copié',
    copyBlocked:
      'Votre navigateur a bloqué la copie ici. Le texte est sélectionné\u00a0: copiez-le avec Ctrl+C (⌘C sur Mac) ou par un appui long.',
    onlyNetwork: (network) => `Envoyez uniquement sur le réseau ${network}. Les fonds envoyés sur un autre réseau sont perdus.`,
    paidBody: 'Merci. Votre paiement est confirmé.',
    paidAt: (time) => `Payé le ${time}`,
    invoice: 'Facture\u00a0:',
    tracking: (carrier, number) => (carrier ? `Numéro de suivi ${carrier}\u00a0: ${number}` : `Numéro de suivi\u00a0: ${number}`),
    overpaid: (usd) =>
      `Vous avez envoyé ${usd} de plus que le montant dû. Contactez le commerçant avec l’ID de facture ci-dessous pour vous le faire rembourser.`,
    arrivedBeforeEnd: (usd) =>
      `Un montant de ${usd} est arrivé avant la fin de cette demande de paiement. Contactez le commerçant avec l’ID de facture ci-dessous pour un remboursement ou pour savoir comment payer le reste.`,
    expiredBody:
      'Il n’est plus possible de payer cette demande. Demandez-en une nouvelle au commerçant. Si vous avez déjà envoyé des fonds, contactez le commerçant avec l’ID de facture ci-dessous.',
    canceledBody:
      'Le commerçant a annulé cette demande de paiement. Si vous avez déjà envoyé des fonds, contactez le commerçant avec l’ID de facture ci-dessous.',
    copyInvoiceId: 'Copier l’ID de facture',
    done: 'Terminé',
    verification: {
      checking: 'Recherche de votre paiement sur la blockchain… Cela peut prendre une minute.',
      stillChecking: 'Recherche toujours en cours. Cette page se met à jour automatiquement dès que votre paiement arrive.',
      found: 'Nous avons trouvé votre paiement. Il est en cours de confirmation\u00a0; cette page se met à jour automatiquement.',
      foundCounting: 'Nous avons trouvé un paiement. Calcul du montant restant dû…',
      unknown:
        'La vérification s’est terminée sans indiquer si un paiement est arrivé. Cette page se met à jour automatiquement dès qu’il arrive.',
      foundShort: (paid, due) =>
        `Nous avons trouvé un paiement de ${paid}, mais il reste ${due} à payer. Si vous venez d’envoyer le reste, patientez\u00a0: cette page se met à jour dès qu’il est comptabilisé. Sinon, envoyez le reste à la même adresse.`,
      notFound: (amount, network) =>
        `Aucun paiement n’est encore arrivé. Vérifiez que vous avez envoyé exactement ${amount} sur le réseau ${network}, à l’adresse ci-dessus. Un paiement peut mettre quelques minutes à apparaître\u00a0: réessayez dans 5 minutes.`,
      failed: (invoice) =>
        `Nous n’avons pas pu consulter la blockchain pour le moment. Si vous avez envoyé le paiement, contactez le commerçant en indiquant la facture ${invoice}\u00a0; il pourra le retrouver.`,
    },
    orderStatus: {
      awaiting_payment: 'Votre commande est en attente de paiement.',
      processing: 'Votre commande est en cours de traitement.',
      placed: 'Votre commande a été transmise au vendeur.',
      shipped: 'Votre commande a été expédiée.',
      delivered: 'Votre commande a été livrée.',
      delivery_confirmed: 'Votre commande a été livrée.',
      fulfilled: 'Votre commande est terminée.',
      cancelled: 'Votre commande a été annulée. Contactez le commerçant avec l’ID de facture ci-dessous au sujet de votre remboursement.',
      canceled: 'Votre commande a été annulée. Contactez le commerçant avec l’ID de facture ci-dessous au sujet de votre remboursement.',
      refunded: 'Votre paiement a été remboursé.',
      failed:
        'Votre paiement est arrivé, mais la commande n’a pas pu être passée. Le commerçant vous contactera au sujet d’un remboursement\u00a0; conservez l’ID de facture ci-dessous.',
    },
    orderOther: (status) => `Mise à jour de la commande\u00a0: ${status}`,
    qrHolds: {
      request: 'Ce code est une demande de paiement\u00a0: votre portefeuille remplit l’adresse, le montant et le token.',
      address: 'Ce code contient uniquement l’adresse\u00a0: saisissez le montant vous-même.',
    },
    qrRequestLabel: (network) => `QR code de la demande de paiement sur le réseau ${network}\u00a0: adresse, montant et token`,
    qrShowAddress: 'Afficher uniquement l’adresse',
    qrShowRequest: 'Afficher la demande de paiement',
    openInWallet: 'Ouvrir dans le portefeuille',
    noWalletLink: {
      memo: 'Ce token nécessite un memo que les liens de portefeuille ne peuvent pas transmettre\u00a0: copiez plutôt les informations ci-dessous.',
      network: 'Il n’existe pas de lien de portefeuille standard pour ce réseau\u00a0: scannez ou copiez l’adresse et le montant.',
      token: 'Impossible de créer un lien de portefeuille pour ce token\u00a0: copiez plutôt l’adresse et le montant.',
    },
    payWith: (wallet) => `Payer avec ${wallet}`,
    browserWallet: 'votre portefeuille de navigateur',
    wallet: {
      connecting: (wallet) => `Connectez ${wallet} et confirmez dans le portefeuille…`,
      switching: (network) => `Passez votre portefeuille sur le réseau ${network} quand il vous le demande…`,
      confirm: (wallet) => `Confirmez le paiement dans ${wallet}…`,
      rejected:
        'Vous avez refusé la demande dans le portefeuille. Rien n’a été envoyé. Payez à nouveau avec le portefeuille, ou copiez plutôt les informations.',
      wrongChain: (network) =>
        `Votre portefeuille n’est pas sur le réseau ${network}. Ajoutez ${network} ou basculez dessus dans le portefeuille, puis réessayez.`,
      pending: 'Votre portefeuille a déjà une demande en attente. Ouvrez-le pour la finaliser ou l’annuler.',
      failed: 'Le portefeuille n’a pas pu envoyer ce paiement. Rien n’a été envoyé. Réessayez, ou copiez plutôt les informations.',
      unknown:
        'Le portefeuille n’a pas indiqué s’il avait envoyé le paiement. Vérifiez son activité avant de réessayer\u00a0: s’il a été envoyé, cette page se met à jour automatiquement.',
      stopWaiting: 'Ne plus attendre le portefeuille',
      stillOpen: 'Si votre portefeuille affiche encore la demande de paiement, refusez-la dans le portefeuille.',
    },
    confirmingBody:
      'Votre paiement est en route. Cette page se met à jour automatiquement dès que le réseau l’a confirmé\u00a0; vous pouvez la fermer.',
    unsureBody:
      'Votre paiement est en route. Cette page se met à jour automatiquement dès que le réseau l’a confirmé, mais elle peut ne pas savoir si le paiement échoue\u00a0: si votre portefeuille indique qu’il a échoué, revenez aux informations de paiement.',
    sentBody:
      'Votre portefeuille a envoyé cette transaction. Cette page se met à jour automatiquement dès que le réseau la détecte. Si elle n’arrive jamais (un portefeuille peut abandonner une transaction), revenez aux informations de paiement.',
    backToPayment: 'Revenir aux informations de paiement',
    notSetUp: 'Ce paiement n’est pas correctement configuré. Le commerçant doit corriger cela.',
    transaction: 'Transaction\u00a0:',
    viewTransaction: 'Voir sur l’explorateur de blocs (ouvre un nouvel onglet)',
  },
} satisfies Catalogue;
