import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/context';
import { fieldErrors } from '../../api/messages';
import type { Product } from '../../api/types';
import { TextArea, TextField, SelectField } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { Price } from '../../components/Price';
import { ProblemAlert } from '../../components/ProblemAlert';
import { qk } from '../../lib/queryKeys';
import { IMAGE_TYPES, uploadProductImage } from './uploadImage';

const CURRENCIES = ['EUR', 'USD', 'GBP'];

/** "12.50" → 1250; NaN for anything that is not an amount with at most two decimals. */
export function parsePriceToCents(text: string): number {
  const t = text.trim().replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return NaN;
  const [whole, frac = ''] = t.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

export function useMyProducts(creatorId: string) {
  const { endpoints } = useApi();
  return useQuery({
    queryKey: qk.products(creatorId),
    queryFn: () => endpoints.products.list({ creatorId, limit: 100 }),
  });
}

/** The creator's products and a form to add one (with an optional image). */
export function ProductsSection({ creatorId }: { creatorId: string }) {
  const products = useMyProducts(creatorId);
  return (
    <section className="panel" aria-labelledby="products-heading">
      <h2 id="products-heading">Products</h2>
      {products.isPending ? (
        <Loading />
      ) : products.isError ? (
        <ProblemAlert error={products.error} />
      ) : products.data.items.length === 0 ? (
        <p className="muted">No products yet — add your first one below.</p>
      ) : (
        <ul className="list" role="list" data-testid="products">
          {products.data.items.map((p) => (
            <li key={p.id}>
              <ProductRow product={p} />
            </li>
          ))}
        </ul>
      )}
      <NewProductForm creatorId={creatorId} />
    </section>
  );
}

function ProductRow({ product }: { product: Product }) {
  const { endpoints, client } = useApi();
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: (file: File) => uploadProductImage(endpoints, product.id, file, (u, i) => client.fetchExternal(u, i)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: qk.products(product.creatorId) }),
  });
  const inputId = `image-${product.id}`;
  return (
    <div className="card product-row">
      {product.imageUrl ? (
        <img className="thumb" src={product.imageUrl} alt="" />
      ) : (
        <div className="thumb card-image-empty" aria-hidden="true" />
      )}
      <div className="grow">
        <h3 className="card-title">{product.title}</h3>
        <p className="card-meta">
          <Price cents={product.priceCents} currency={product.currency} />
        </p>
        <div className="field field-inline">
          <label htmlFor={inputId}>{product.imageUrl ? 'Replace image' : 'Add image'}</label>
          <input
            id={inputId}
            type="file"
            accept={IMAGE_TYPES.join(',')}
            disabled={upload.isPending}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) upload.mutate(file);
            }}
          />
        </div>
        {upload.isPending && <p role="status">Uploading…</p>}
        <ProblemAlert error={upload.error} />
      </div>
    </div>
  );
}

function NewProductForm({ creatorId }: { creatorId: string }) {
  const { endpoints, client } = useApi();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [price, setPrice] = useState('');
  const [currency, setCurrency] = useState('EUR');
  const [file, setFile] = useState<File | null>(null);
  const [priceError, setPriceError] = useState<string | undefined>();
  const [imageProblem, setImageProblem] = useState<unknown>(null);

  const create = useMutation({
    mutationFn: async () => {
      const product = await endpoints.products.create({
        title: title.trim(),
        description: description.trim(),
        priceCents: parsePriceToCents(price),
        currency,
      });
      if (file) {
        try {
          return await uploadProductImage(endpoints, product.id, file, (u, i) => client.fetchExternal(u, i));
        } catch (e) {
          setImageProblem(e); // the product exists; the image can be added again from its row
        }
      }
      return product;
    },
    onSuccess: () => {
      setTitle('');
      setDescription('');
      setPrice('');
      setFile(null);
      void queryClient.invalidateQueries({ queryKey: qk.products(creatorId) });
    },
  });
  const fields = fieldErrors(create.error);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setImageProblem(null);
    if (Number.isNaN(parsePriceToCents(price))) {
      setPriceError('Enter a price like 19.99');
      return;
    }
    setPriceError(undefined);
    create.mutate();
  }

  return (
    <form onSubmit={onSubmit} className="form subform" aria-labelledby="new-product-heading">
      <h3 id="new-product-heading">Add a product</h3>
      <TextField label="Title" required value={title} onChange={(e) => setTitle(e.target.value)} error={fields.title} />
      <TextArea
        label="Description"
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        rows={3}
        error={fields.description}
      />
      <div className="row">
        <TextField
          label="Price"
          inputMode="decimal"
          required
          value={price}
          onChange={(e) => setPrice(e.target.value)}
          error={priceError ?? fields.priceCents}
          hint="For example 19.99"
        />
        <SelectField label="Currency" value={currency} onChange={(e) => setCurrency(e.target.value)}>
          {CURRENCIES.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </SelectField>
      </div>
      <div className="field">
        <label htmlFor="new-product-image">Image (optional)</label>
        <input
          id="new-product-image"
          type="file"
          accept={IMAGE_TYPES.join(',')}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <ProblemAlert error={create.error} />
      <ProblemAlert error={imageProblem} prefix="The product was created, but:" />
      {create.isSuccess && !imageProblem && (
        <p className="alert alert-success" role="status">
          Product added.
        </p>
      )}
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        {create.isPending ? 'Adding…' : 'Add product'}
      </button>
    </form>
  );
}
