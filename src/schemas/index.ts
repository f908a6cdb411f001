export * from './certification';
export * from './company';
export * from './control';
export * from './document';
export * from './faq';
export * from './retention';
export * from './subprocessor';
export * from './whitepaper';
