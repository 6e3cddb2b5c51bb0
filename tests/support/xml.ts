import { SaxesParser } from "saxes";

// A strict XML 1.0 parser (saxes, the one jsdom uses) building a minimal element tree: any
// well-formedness or namespace error throws.

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const root: XmlElement = { name: "#document", attributes: {}, children: [], text: "" };
  const stack: XmlElement[] = [root];
  const current = () => stack[stack.length - 1] as XmlElement;
  parser.on("error", (error) => {
    throw error;
  });
  parser.on("opentag", (tag) => {
    const element: XmlElement = {
      name: tag.name,
      attributes: Object.fromEntries(
        Object.values(tag.attributes).map((attribute) => [attribute.name, attribute.value]),
      ),
      children: [],
      text: "",
    };
    current().children.push(element);
    stack.push(element);
  });
  parser.on("text", (text) => (current().text += text));
  parser.on("cdata", (text) => (current().text += text));
  parser.on("closetag", () => void stack.pop());
  parser.write(xml).close();
  const [documentElement] = root.children;
  if (!documentElement || root.children.length !== 1) throw new Error("No single root element");
  return documentElement;
}

export const childrenNamed = (element: XmlElement, name: string) =>
  element.children.filter((child) => child.name === name);

export const childNamed = (element: XmlElement, name: string) => childrenNamed(element, name)[0];
