// @strapi/design-system 1.19.0 is published without type declarations; its components
// are typed `any` here rather than guessed. Compile-time only: nothing in the emitted
// .d.ts files refers to the design system.
declare module '@strapi/design-system';
