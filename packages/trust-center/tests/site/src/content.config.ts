import { trustCenterCollections } from 'astro-trust-center/content';

export const collections = trustCenterCollections();
