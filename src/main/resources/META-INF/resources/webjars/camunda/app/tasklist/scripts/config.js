/*
 * Keten HG/KM: the Tasklist of this installation, in Dutch (docs/tasklist.md).
 * Spring Boot serves this file before the one in the Camunda webjar (META-INF/resources on the classpath).
 *
 * Only Dutch is offered, whatever the browser asks: a case manager whose browser is set to English still gets the
 * chain's Dutch screens. To offer English too, add 'en' to availableLocales (the webjar ships en.json).
 */
export default {
  app: {
    name: 'Takenlijst',
    vendor: 'Keten HG/KM'
  },
  // moment.js formats with the Dutch dateLocales of locales/nl.json: "3 december 2026 om 09:42".
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
  },
  locales: {
    availableLocales: ['nl'],
    fallbackLocale: 'nl'
  },
  disableWelcomeMessage: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claimt de gekozen taak'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'zet de focus op het eerste filter in de lijst'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'zet de focus op de eerste taak in de lijst'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'zet de focus op het eerste invoerveld van een taakformulier'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opent het venster om een proces te starten'
    }
  }
};
