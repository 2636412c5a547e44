import type { Endpoints } from '../../api/endpoints';
import { ApiProblem } from '../../api/problem';
import type { Product } from '../../api/types';

export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];

/**
 * A product image: ask for a presigned PUT, send the file straight to object storage (no bearer
 * token: the URL carries the signature), then set the product's imageUrl.
 */
export async function uploadProductImage(
  endpoints: Endpoints,
  productId: string,
  file: File,
  fetchImpl: (url: string, init: RequestInit) => Promise<Response>,
): Promise<Product> {
  const contentType = IMAGE_TYPES.includes(file.type) ? file.type : 'image/jpeg';
  const upload = await endpoints.products.imageUpload(productId, contentType);
  let response: Response;
  try {
    response = await fetchImpl(upload.uploadUrl, {
      method: 'PUT',
      headers: { 'Content-Type': upload.contentType ?? contentType },
      body: file,
    });
  } catch {
    throw new ApiProblem({ status: 0, code: 'UPLOAD_FAILED', title: 'Upload failed' });
  }
  if (!response.ok) throw new ApiProblem({ status: response.status, code: 'UPLOAD_FAILED', title: 'Upload failed' });
  return endpoints.products.update(productId, { imageUrl: upload.imageUrl });
}
