import { escapeXmlAttribute } from './xml-escape'

/** A value spelled differently in XML and JSON (e.g. a setting's `True` vs `true`). */
export class Spelled {
  constructor(
    readonly xml: string,
    readonly json: unknown,
  ) {}
}

/** An attribute value of a response element. */
export type AttributeValue = string | number | boolean | Spelled | undefined

/** One element of a response: attributes and child elements, rendered as XML or JSON. */
export interface ResponseElement {
  readonly tag: string
  /** The array key of this element in JSON when it differs from the tag (items are `Metadata`). */
  readonly jsonTag?: string
  readonly attributes: Readonly<Record<string, AttributeValue>>
  readonly children?: readonly ResponseElement[]
}

/** The body format a client asked for. */
export type ResponseFormat = 'json' | 'xml'

/** Picks JSON for `Accept: application/json`, XML otherwise (the server's default). */
export function formatOf(accept: string | undefined): ResponseFormat {
  return accept !== undefined && accept.includes('application/json') ? 'json' : 'xml'
}

function xmlValue(value: Exclude<AttributeValue, undefined>): string {
  if (value instanceof Spelled) {
    return value.xml
  }
  if (typeof value === 'boolean') {
    return value ? '1' : '0'
  }
  return String(value)
}

function xmlElement(element: ResponseElement, out: string[]): void {
  let open = `<${element.tag}`
  for (const [name, value] of Object.entries(element.attributes)) {
    if (value !== undefined) {
      open += ` ${name}="${escapeXmlAttribute(xmlValue(value))}"`
    }
  }
  const children = element.children ?? []
  if (children.length === 0 && element.tag !== 'MediaContainer') {
    out.push(`${open} />`)
    return
  }
  out.push(`${open}>`)
  for (const child of children) {
    xmlElement(child, out)
  }
  out.push(`</${element.tag}>`)
}

/** The XML text of a response, with the declaration the real server sends. */
export function toXml(root: ResponseElement): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>']
  xmlElement(root, out)
  return `${out.join('\n')}\n`
}

function jsonObject(element: ResponseElement): Record<string, unknown> {
  const object: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(element.attributes)) {
    if (value !== undefined) {
      object[name] = value instanceof Spelled ? value.json : value
    }
  }
  for (const child of element.children ?? []) {
    const key = child.jsonTag ?? child.tag
    const list = (object[key] ??= []) as unknown[]
    list.push(jsonObject(child))
  }
  return object
}

/** The JSON text of a response: `{"<root tag>": {…attributes, "<Child>": [...]}}`. */
export function toJson(root: ResponseElement): string {
  return JSON.stringify({ [root.jsonTag ?? root.tag]: jsonObject(root) })
}

/** Renders a response element in the asked format. */
export function renderElement(root: ResponseElement, format: ResponseFormat): string {
  return format === 'json' ? toJson(root) : toXml(root)
}
