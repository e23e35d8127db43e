/**
 * English in the shape of the Chinese messages, plus the singular English needs: beside each
 * plural key (`x_other`, Chinese's only form) an `x_one`, which i18next picks for a count of 1.
 */
export type English<T> = T extends string
  ? string
  : { [K in keyof T]: English<T[K]> } & {
      [K in keyof T as K extends `${infer Base}_other` ? `${Base}_one` : never]: string
    }
