/*
 * Keten HG/KM: the Admin of this installation, in Dutch (docs/tasklist.md).
 * Spring Boot serves this file before the one in the Camunda webjar (META-INF/resources on the classpath).
 *
 * Only Dutch is offered, whatever the browser asks: a case manager whose browser is set to English still gets the
 * chain's Dutch screens. To offer English too, add 'en' to availableLocales (the webjar ships en.json).
 */
export default {
  app: {
    vendor: 'Keten HG/KM'
  },
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'lll',
    normal: 'LLL',
    long: 'LLLL',
    short: 'LL'
  },
  locales: {
    availableLocales: ['nl'],
    fallbackLocale: 'nl'
  },
  disableWelcomeMessage: true
};
