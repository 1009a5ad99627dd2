/**
 * The development mailbox: every email the reference server would send lands here,
 * in memory, and is printed to the terminal. Never used in production.
 */

/**
 * @typedef {{to: string, subject: string, text: string, createdAt: string}} MailMessage
 * @typedef {{send(message: {to: string, subject: string, text: string}): Promise<void>, list(): MailMessage[], clear(): void}} Mailbox
 */

/**
 * @param {{log?: boolean}} [options]
 * @returns {Mailbox}
 */
export function createMailbox({log = true} = {}) {
  /** @type {MailMessage[]} */
  const messages = [];
  return {
    async send({to, subject, text}) {
      const message = {to, subject, text, createdAt: new Date().toISOString()};
      messages.push(message);
      if (log) {
        const rule = '─'.repeat(60);
        console.log(`\n┌${rule}\n│ ✉  To: ${to}\n│    Subject: ${subject}\n│\n${text
          .split('\n')
          .map((line) => `│    ${line}`)
          .join('\n')}\n└${rule}\n`);
      }
    },
    list() {
      return messages.slice();
    },
    clear() {
      messages.length = 0;
    },
  };
}
